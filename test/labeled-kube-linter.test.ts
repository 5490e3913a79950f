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
  'docker-sock': 'container-runtime-socket-mount',
  'drop-net-raw-capability': 'net-raw-capability',
  'latest-tag': 'image-tag-not-pinned',
  'privileged-ports': 'privileged-container-port',
  'read-secret-from-env-var': 'secret-exposed-via-env',
  'sensitive-host-mounts': 'sensitive-host-path-mount',
  'ssh-port': 'ssh-port-exposed',
  'unsafe-proc-mount': 'unmasked-proc-mount',
  'unsafe-sysctls': 'unsafe-sysctl',
  'writable-host-mount': 'writable-host-path-mount',
  'wildcard-in-rules': 'rbac-wildcard',
  'access-to-secrets': 'rbac-binding-grants-dangerous-role',
  'access-to-create-pods': 'rbac-binding-grants-dangerous-role',
  'cluster-admin-role-binding': 'rbac-cluster-admin-binding',
  'non-isolated-pod': 'missing-network-policy',
  'exposed-services': 'exposed-service-type',
  'default-service-account': 'default-service-account',
  'scc-deny-privileged-container': 'openshift-scc-privileged',
  'dangling-service': 'dangling-service',
  'dangling-ingress': 'dangling-ingress',
  'dangling-horizontalpodautoscaler': 'dangling-hpa-target',
  'no-liveness-probe': 'missing-liveness-probe',
  'no-readiness-probe': 'missing-readiness-probe',
  'no-anti-affinity': 'no-pod-anti-affinity',
  'mismatching-selector': 'selector-template-label-mismatch',
  'duplicate-env-var': 'duplicate-env-var',
  'liveness-port': 'probe-port-not-exposed',
  'readiness-port': 'probe-port-not-exposed',
  'startup-port': 'probe-port-not-exposed',
  'pdb-max-unavailable': 'pdb-zero-disruptions',
  'pdb-min-available': 'pdb-blocks-all-evictions',
  'pdb-unhealthy-pod-eviction-policy': 'pdb-unhealthy-eviction-policy-unset',
  'job-ttl-seconds-after-finished': 'job-missing-ttl',
  'use-namespace': 'default-namespace',
  'restart-policy': 'invalid-restart-policy',
  'dnsconfig-options': 'missing-dns-config-options',
  'non-existent-service-account': 'missing-service-account',
  'deprecated-service-account-field': 'deprecated-service-account-field',
  'no-rolling-update-strategy': 'no-rolling-update-strategy',
  'invalid-target-ports': 'invalid-port-spec',
  'no-node-affinity': 'no-node-affinity',
  'dangling-servicemonitor': 'dangling-service-monitor',
  'kubeconform-validation': 'schema-validation',
  'no-extensions-v1beta': 'deprecated-api-version',
  'sorted-keys': 'unsorted-keys',
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
const NET_RAW_NOT_DROPPED =
  'NET_RAW is in the runtimes\' default set: a container that neither drops it nor ALL can forge packets (CIS 5.2.8, Checkov CKV_K8S_28, Trivy KSV119 flag it); net-raw-capability warns, kube-linter only objects to adding it';
const PASS_FAIL_EXCEPTIONS: readonly Exception[] = [
  { file: 'tests/checks/drop-net-raw-capability.yml', objectIndex: 0, check: 'drop-net-raw-capability', kmlint: 'fail', why: NET_RAW_NOT_DROPPED },
  { file: 'tests/checks/drop-net-raw-capability.yml', objectIndex: 1, check: 'drop-net-raw-capability', kmlint: 'fail', why: NET_RAW_NOT_DROPPED },
  {
    file: 'tests/checks/cluster-admin-role-binding.yml',
    objectIndex: 0,
    check: 'cluster-admin-role-binding',
    kmlint: 'fail',
    why: 'the ClusterRoleBinding grants the built-in admin ClusterRole in every namespace (Secrets and RBAC of all of them); kube-linter looks for cluster-admin only',
  },

  { file: 'tests/checks/dangling-servicemonitor.yml', objectIndex: 1, check: 'dangling-servicemonitor', kmlint: 'fail', why: 'Without a namespaceSelector the Prometheus operator looks only in the monitor\'s own namespace (default here); the matching Service is in another namespace' },
  { file: 'tests/checks/dangling-servicemonitor.yml', objectIndex: 9, check: 'dangling-servicemonitor', kmlint: 'pass', why: 'The monitor watches a namespace where the input holds no Service: kmlint reads that as a partial input and judges it only with --complete' },
  { file: 'tests/checks/dangling-servicemonitor.yml', objectIndex: 11, check: 'dangling-servicemonitor', kmlint: 'pass', why: 'The monitor watches a namespace where the input holds no Service: kmlint reads that as a partial input and judges it only with --complete' },
  { file: 'tests/checks/pdb-min-available.yaml', objectIndex: 0, check: 'pdb-min-available', kmlint: 'pass', why: 'The Deployment has a selector but no pod template, so the budget selects no pods kmlint can count' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 5, check: 'restart-policy', kmlint: 'fail', why: 'The API server rejects restartPolicy Always in a Job or CronJob template; kube-linter accepts it' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 6, check: 'restart-policy', kmlint: 'fail', why: 'The API server rejects restartPolicy Always in a Job or CronJob template; kube-linter accepts it' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 7, check: 'restart-policy', kmlint: 'fail', why: 'The API server accepts only Always for Deployment, DaemonSet, ReplicaSet and ReplicationController templates; kube-linter accepts OnFailure' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 9, check: 'restart-policy', kmlint: 'fail', why: 'The API server accepts only Always for Deployment, DaemonSet, ReplicaSet and ReplicationController templates; kube-linter accepts OnFailure' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 10, check: 'restart-policy', kmlint: 'fail', why: 'The API server accepts only Always for Deployment, DaemonSet, ReplicaSet and ReplicationController templates; kube-linter accepts OnFailure' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 11, check: 'restart-policy', kmlint: 'fail', why: 'The API server accepts only Always for Deployment, DaemonSet, ReplicaSet and ReplicationController templates; kube-linter accepts OnFailure' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 15, check: 'restart-policy', kmlint: 'pass', why: 'A bare Pod may use restartPolicy Never (a one-off task); kube-linter flags it' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 19, check: 'restart-policy', kmlint: 'pass', why: 'Never is a valid policy for Jobs and CronJobs (the API server requires OnFailure or Never); kube-linter flags it' },
  { file: 'tests/checks/restart-policy.yaml', objectIndex: 20, check: 'restart-policy', kmlint: 'pass', why: 'Never is a valid policy for Jobs and CronJobs (the API server requires OnFailure or Never); kube-linter flags it' },


];

/**
 * Labels where both agree on "fail" but not on how many findings: kube-linter reports one per
 * container, kmlint one per place to fix.
 */
const NET_RAW_ONCE = 'one finding at the added NET_RAW item; kube-linter also reports that the same container does not drop it';
const COUNT_EXCEPTIONS: readonly (Exception & { findings: number })[] = [
  { file: 'tests/checks/drop-net-raw-capability.yml', objectIndex: 2, check: 'drop-net-raw-capability', kmlint: 'fail', why: NET_RAW_ONCE, findings: 1 },
  { file: 'tests/checks/drop-net-raw-capability.yml', objectIndex: 3, check: 'drop-net-raw-capability', kmlint: 'fail', why: NET_RAW_ONCE, findings: 1 },
  { file: 'tests/checks/invalid-target-ports.yaml', objectIndex: 1, check: 'invalid-target-ports', kmlint: 'fail', findings: 3, why: 'kmlint also reports containerPort 123456, outside 1-65535, which the API server rejects' },
  { file: 'tests/checks/liveness-port.yml', objectIndex: 0, check: 'liveness-port', kmlint: 'fail', findings: 2, why: 'Declared container ports are informational and the kubelet probes undeclared numbers, so kmlint reports only port names that do not resolve by default (numbers with checkNumbers)' },
  { file: 'tests/checks/readiness-port.yml', objectIndex: 0, check: 'readiness-port', kmlint: 'fail', findings: 2, why: 'Declared container ports are informational and the kubelet probes undeclared numbers, so kmlint reports only port names that do not resolve by default (numbers with checkNumbers)' },
  { file: 'tests/checks/startup-port.yml', objectIndex: 0, check: 'startup-port', kmlint: 'fail', findings: 2, why: 'Declared container ports are informational and the kubelet probes undeclared numbers, so kmlint reports only port names that do not resolve by default (numbers with checkNumbers)' },
];

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
