/**
 * Accuracy against kube-linter's own labelled check tests (shared corpus, labeled/kube-linter):
 * for each kube-linter check that maps to a kmlint rule, every labelled object's pass/fail must
 * agree with kmlint's findings on that object, except the deliberate differences listed below.
 * Prints a recall/precision table per rule.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Rule } from '../src/engine/define-rule.js';
import { rules } from '../src/rules/index.js';
import { lintSources, type LintRun } from '../src/run/lint.js';
import type { Finding } from '../src/types.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(repoRoot, '..', 'shared', 'corpus', 'labeled', 'kube-linter');

/**
 * kube-linter check → the kmlint rule that covers the same concept. One line per check: rule families add
 * their lines side by side.
 */
const RULE_ID_FOR_CHECK: Readonly<Record<string, string>> = {
  'privileged-container': 'privileged-container',
  'host-network': 'host-network',
  'host-pid': 'host-pid',
  'host-ipc': 'host-ipc',
  'privilege-escalation-container': 'privilege-escalation-allowed',
  'run-as-non-root': 'missing-run-as-non-root',
  'no-read-only-root-fs': 'missing-read-only-root-fs',
  'unset-memory-requirements': 'missing-memory-limit',
  'env-var-secret': 'secret-in-env-literal',
  'unset-cpu-requirements': 'missing-cpu-request',
  'kubeconform-validation': 'schema-validation',
  'no-extensions-v1beta': 'deprecated-api-version',
};

const RULE_FOR_CHECK: Readonly<Record<string, Rule>> = Object.fromEntries(
  Object.entries(RULE_ID_FOR_CHECK).map(([check, id]) => {
    const rule = rules.find((candidate) => candidate.meta.id === id);
    if (!rule) throw new Error(`kube-linter check ${check} maps to ${id}, which is not a rule`);
    return [check, rule];
  }),
);

interface Label {
  file: string;
  objectIndex: number;
  kind: string;
  name: string | null;
  namespace?: string;
  check: string;
  expect: 'pass' | 'fail';
  reports?: number;
}

interface Exception {
  file: string;
  objectIndex: number;
  check: string;
  /** What kmlint reports instead: 'fail' (finds a problem kube-linter does not) or 'pass'. */
  kmlint: 'pass' | 'fail';
  why: string;
}

/**
 * Labels where kmlint deliberately disagrees with kube-linter on pass/fail. Each entry must
 * really disagree (checked below), so a stale entry fails the test instead of hiding a change.
 */
const PASS_FAIL_EXCEPTIONS: readonly Exception[] = [
  {
    file: 'tests/checks/kubeconform.yml',
    objectIndex: 3,
    check: 'kubeconform-validation',
    kmlint: 'fail',
    why: 'a custom resource without a CRD is not validated; kmlint says so in one note-level finding per file instead of skipping silently',
  },
];

/**
 * Labels where both agree on "fail" but not on how many findings: kube-linter reports one per
 * container, kmlint one per place to fix.
 */
const COUNT_EXCEPTIONS: readonly (Exception & { findings: number })[] = [];

/**
 * Known semantic differences that this corpus does not exercise (no label disagrees because of
 * them); kept here so the comparison documents them in one place:
 * - privilege-escalation-container fires on privileged or SYS_ADMIN containers even when
 *   allowPrivilegeEscalation: false is written (the API server rejects that combination);
 *   privilege-escalation-allowed fires on them only when allowPrivilegeEscalation is unset or true.
 *   It also warns (level warning) when allowPrivilegeEscalation is unset, which kube-linter does not.
 * - run-as-non-root accepts a non-zero runAsUser without runAsNonRoot and fails on runAsGroup 0;
 *   missing-run-as-non-root follows the PSS Restricted control: only an effective
 *   runAsNonRoot: true passes, runAsGroup is not its concern (the "group-zero" objects fail in
 *   both tools, in kmlint because they do not set runAsNonRoot).
 * - unset-memory-requirements / unset-cpu-requirements fail on a quantity of 0; kmlint accepts
 *   any written quantity, accepts a CPU limit as the CPU request (API-server defaulting) and
 *   skips classic init containers.
 */

function fail(message: string): never {
  throw new Error(message);
}

function loadLabels(): Label[] {
  const answers = path.join(CORPUS, 'answers.json');
  if (!existsSync(answers)) {
    fail(`The labelled kube-linter corpus is missing: expected ${path.relative(repoRoot, answers)} (the shared data folder next to the repository).`);
  }
  const all = JSON.parse(readFileSync(answers, 'utf8')) as Label[];
  return all.filter((label) => label.check in RULE_FOR_CHECK);
}

const lintedFiles = new Map<string, LintRun>();

/**
 * Each file is linted once, as one run with every mapped rule at its default level and options, so
 * cross-object rules see the file's other objects (and nothing else: no context).
 */
async function lintCorpusFile(file: string): Promise<LintRun> {
  let linted = lintedFiles.get(file);
  if (!linted) {
    const text = readFileSync(path.join(CORPUS, file), 'utf8');
    linted = await lintSources([{ display: file, read: async () => ({ text }) }], {
      cwd: CORPUS,
      rules: [...new Set(Object.values(RULE_FOR_CHECK))],
      presets: ['all'],
      context: [],
    });
    lintedFiles.set(file, linted);
  }
  return linted;
}

/** kmlint's findings of `rule` on the labelled object (objectIndex counts non-empty documents). */
async function findingsOn(label: Label, rule: Rule): Promise<Finding[]> {
  const linted = await lintCorpusFile(label.file);
  return linted.findings.filter(
    (finding) =>
      finding.ruleId === rule.meta.id &&
      nonEmptyIndex(label.file, finding.documentIndex) === label.objectIndex &&
      finding.object?.kind === label.kind &&
      (finding.object?.name ?? null) === label.name,
  );
}

const nonEmptyDocuments = new Map<string, number[]>();

/** The position of a document among the file's non-empty documents (how the labels count objects). */
function nonEmptyIndex(file: string, documentIndex: number | undefined): number {
  let indexes = nonEmptyDocuments.get(file);
  if (!indexes) {
    const text = readFileSync(path.join(CORPUS, file), 'utf8');
    indexes = parseAllDocuments(text).flatMap((doc, index) => (doc.contents === null ? [] : [index]));
    nonEmptyDocuments.set(file, indexes);
  }
  return documentIndex === undefined ? -1 : indexes.indexOf(documentIndex);
}

function sameLabel(a: { file: string; objectIndex: number; check: string }, b: { file: string; objectIndex: number; check: string }): boolean {
  return a.file === b.file && a.objectIndex === b.objectIndex && a.check === b.check;
}

interface Tally {
  rule: string;
  labels: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  excepted: number;
}

describe('accuracy against the labelled kube-linter corpus', () => {
  const labels = loadLabels();

  test('the corpus holds labels for every mapped check', () => {
    for (const check of Object.keys(RULE_FOR_CHECK)) {
      assert.ok(labels.some((label) => label.check === check), `no label for kube-linter check ${check}`);
    }
  });

  test('every label agrees with kmlint, except the listed deliberate differences', async () => {
    const tallies = new Map<string, Tally>();
    const disagreements: string[] = [];
    const usedExceptions = new Set<Exception>();
    for (const label of labels) {
      const rule = RULE_FOR_CHECK[label.check]!;
      const findings = await findingsOn(label, rule);
      const kmlint: 'pass' | 'fail' = findings.length > 0 ? 'fail' : 'pass';
      const key = `${label.check} → ${rule.meta.id}`;
      const tally = tallies.get(key) ?? { rule: key, labels: 0, tp: 0, fp: 0, fn: 0, tn: 0, excepted: 0 };
      tallies.set(key, tally);
      tally.labels++;
      const where = `${label.file} #${label.objectIndex} ${label.kind} ${label.name ?? '(unnamed)'} [${label.check}]`;

      const exception = PASS_FAIL_EXCEPTIONS.find((candidate) => sameLabel(candidate, label));
      if (exception) {
        usedExceptions.add(exception);
        assert.notEqual(kmlint, label.expect, `${where}: listed as a deliberate difference, but kmlint now agrees with kube-linter; remove the exception`);
        assert.equal(kmlint, exception.kmlint, `${where}: the exception says kmlint gives ${exception.kmlint}`);
        tally.excepted++;
        continue;
      }
      if (label.expect === 'fail' && kmlint === 'fail') tally.tp++;
      else if (label.expect === 'pass' && kmlint === 'fail') tally.fp++;
      else if (label.expect === 'fail' && kmlint === 'pass') tally.fn++;
      else tally.tn++;
      if (kmlint !== label.expect) {
        disagreements.push(`${where}: kube-linter ${label.expect}, kmlint ${kmlint}${findings.map((f) => `\n    ${f.region.startLine}:${f.region.startColumn} ${f.message}`).join('')}`);
        continue;
      }
      if (label.expect === 'fail' && label.reports !== undefined) {
        const countException = COUNT_EXCEPTIONS.find((candidate) => sameLabel(candidate, label));
        const expected = countException ? countException.findings : label.reports;
        if (countException) usedExceptions.add(countException);
        if (findings.length !== expected) {
          disagreements.push(`${where}: kube-linter reports ${label.reports}, kmlint ${findings.length}`);
        }
      }
    }

    const rows = [...tallies.values()].map((t) => {
      const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
      const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
      return { ...t, recall: recall.toFixed(2), precision: precision.toFixed(2) };
    });
    console.log('kmlint vs kube-linter labels (excepted labels left out of recall/precision):');
    console.table(rows);

    assert.deepEqual(disagreements, [], `labels that disagree with kmlint:\n${disagreements.join('\n')}`);
    const stale = [...PASS_FAIL_EXCEPTIONS, ...COUNT_EXCEPTIONS].filter((exception) => !usedExceptions.has(exception));
    assert.deepEqual(stale, [], 'exceptions that match no label');
    for (const row of rows) {
      assert.equal(row.recall, '1.00', `${row.rule}: recall`);
      assert.equal(row.precision, '1.00', `${row.rule}: precision`);
      assert.ok(row.tp > 0, `${row.rule}: no true positive, the comparison proves nothing`);
    }
  });
});
