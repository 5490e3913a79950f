/**
 * Runs a rule over its fixtures in test/manifests/<rule-id>/{valid,invalid}/.
 *
 * Expectations are comments on the line where a finding must start:
 *   privileged: true   # expect: privileged-container
 * `# expect: a, a` expects two findings on that line. A valid fixture expects none.
 * Invalid fixtures that hold one `kind: Pod` are also re-wrapped into every workload kind
 * (Deployment, CronJob, ...) and must give the same findings on the shifted lines.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Rule } from '../../src/engine/define-rule.js';
import { lintText, type LintedFile } from '../../src/engine/lint-file.js';
import type { Finding, Level } from '../../src/types.js';

export const MANIFESTS = path.resolve(import.meta.dirname, '..', 'manifests');

export interface FixtureCase {
  fixture: string;
  options?: Record<string, unknown>;
  /** Explicit expectations, checked on top of the markers. */
  errors?: { line: number; column?: number; endLine?: number; endColumn?: number; message?: string | RegExp; level?: Level }[];
}

export interface RuleCases {
  /** Extra cases with options; every file in the rule's valid/ and invalid/ folders runs anyway. */
  valid?: FixtureCase[];
  invalid?: FixtureCase[];
}

export function lintFixture(rule: Rule, text: string, options?: Record<string, unknown>, file = 'fixture.yaml'): LintedFile {
  const merged = { ...(rule.meta.defaultOptions as object | undefined), ...options };
  return lintText(file, text, { rules: [{ rule, setting: { level: rule.meta.level, levelConfigured: false, options: merged } }], freeze: true });
}

export function testRule(rule: Rule, cases: RuleCases = {}): void {
  const id = rule.meta.id;
  const folder = path.join(MANIFESTS, id);
  describe(`rule ${id}`, () => {
    test('has valid and invalid fixtures', () => {
      assert.ok(fixturesIn(folder, 'valid').length > 0, `${id}: no fixture in test/manifests/${id}/valid/`);
      assert.ok(fixturesIn(folder, 'invalid').length > 0, `${id}: no fixture in test/manifests/${id}/invalid/`);
    });
    for (const fixture of fixturesIn(folder, 'valid')) runCase(rule, { fixture }, 'valid');
    for (const fixture of fixturesIn(folder, 'invalid')) runCase(rule, { fixture }, 'invalid');
    for (const extra of cases.valid ?? []) runCase(rule, extra, 'valid');
    for (const extra of cases.invalid ?? []) runCase(rule, extra, 'invalid');
  });
}

function fixturesIn(folder: string, kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(folder, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(path.basename(folder), kind, name));
}

function runCase(rule: Rule, testCase: FixtureCase, kind: 'valid' | 'invalid'): void {
  const label = `${kind}: ${testCase.fixture}${testCase.options ? ` with ${JSON.stringify(testCase.options)}` : ''}`;
  test(label, () => {
    const text = readFileSync(path.join(MANIFESTS, testCase.fixture), 'utf8');
    const findings = check(rule, text, testCase, kind, testCase.fixture);
    if (testCase.errors) assertExplicit(findings, testCase);
  });
  if (kind !== 'invalid') return;
  const text = readFileSync(path.join(MANIFESTS, testCase.fixture), 'utf8');
  if (!isSinglePod(text)) return;
  for (const wrapper of WORKLOAD_WRAPPERS) {
    test(`${label} wrapped in a ${wrapper.kind}`, () => {
      check(rule, wrapper.wrap(text), { ...testCase, errors: undefined }, kind, `${testCase.fixture} as ${wrapper.kind}`);
    });
  }
}

function check(rule: Rule, text: string, testCase: FixtureCase, kind: 'valid' | 'invalid', name: string): Finding[] {
  const linted = lintFixture(rule, text, testCase.options, name);
  const findings = linted.findings;
  assert.equal(linted.internalErrors, 0, `${name}: the rule threw: ${findings.map((f) => f.message).join('; ')}`);
  const own = findings.filter((finding) => finding.ruleId === rule.meta.id);
  const others = findings.filter((finding) => finding.ruleId !== rule.meta.id);
  assert.deepEqual(others.map(describeFinding), [], `${name}: the fixture itself has problems`);
  const lines = text.split(/\r?\n/);
  for (const finding of own) {
    assert.ok(finding.region.startLine >= 1 && finding.region.startLine <= lines.length, `${name}: region outside the file`);
    assert.ok(!/\{\{\s*\w+\s*\}\}/.test(finding.message), `${name}: message keeps a placeholder: ${finding.message}`);
  }
  const expected = markers(lines, rule.meta.id);
  const actual = own.map((finding) => finding.region.startLine).sort((a, b) => a - b);
  if (kind === 'valid') {
    assert.deepEqual(own.map(describeFinding), [], `${name}: a valid fixture must give no ${rule.meta.id} finding`);
  } else {
    assert.ok(expected.length > 0, `${name}: an invalid fixture needs at least one "# expect: ${rule.meta.id}" marker`);
    assert.deepEqual(actual, expected, `${name}: findings on lines ${actual.join(', ')}; markers on lines ${expected.join(', ')}\n${own.map(describeFinding).join('\n')}`);
  }
  return own;
}

function assertExplicit(findings: Finding[], testCase: FixtureCase): void {
  for (const error of testCase.errors ?? []) {
    const match = findings.find((finding) => finding.region.startLine === error.line && (error.column === undefined || finding.region.startColumn === error.column));
    assert.ok(match, `${testCase.fixture}: no finding at ${error.line}:${error.column ?? '*'}; got ${findings.map(describeFinding).join('; ')}`);
    if (error.endLine !== undefined) assert.equal(match.region.endLine, error.endLine);
    if (error.endColumn !== undefined) assert.equal(match.region.endColumn, error.endColumn);
    if (error.level !== undefined) assert.equal(match.level, error.level);
    if (typeof error.message === 'string') assert.equal(match.message, error.message);
    else if (error.message) assert.match(match.message, error.message);
  }
}

function describeFinding(finding: Finding): string {
  const { startLine, startColumn } = finding.region;
  return `${startLine}:${startColumn} ${finding.level} ${finding.ruleId} ${finding.message}`;
}

/** Line numbers (1-based) of `# expect: <id>` markers, once per mention. */
function markers(lines: readonly string[], id: string): number[] {
  const result: number[] = [];
  lines.forEach((line, index) => {
    const match = /#\s*expect:\s*(.+)$/.exec(line);
    if (!match?.[1]) return;
    for (const name of match[1].split(',')) if (name.trim() === id) result.push(index + 1);
  });
  return result;
}

// ---- The kind matrix: one Pod fixture, every workload kind ----

interface Wrapper {
  kind: string;
  wrap(podText: string): string;
}

function isSinglePod(text: string): boolean {
  const documents = text.split(/^---\s*$/m).filter((part) => /\S/.test(part.replace(/#.*$/gm, '')));
  return documents.length === 1 && /^kind:\s*Pod\s*$/m.test(text) && /^spec:\s*$/m.test(text);
}

/** Top-level blocks of a one-document YAML file, by key, as their indented lines. */
function topLevelBlock(text: string, key: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start === -1) return [];
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line) && !line.startsWith('#')) break;
    block.push(line);
  }
  return block;
}

function indent(lines: string[], by: number): string {
  const pad = ' '.repeat(by);
  return lines.map((line) => (line.trim() === '' ? line : pad + line)).join('\n');
}

function workloadWrapper(kind: string, apiVersion: string, podDepth: 'template' | 'jobTemplate' | 'podTemplate'): Wrapper {
  return {
    kind,
    wrap(podText) {
      const metadata = topLevelBlock(podText, 'metadata');
      const spec = topLevelBlock(podText, 'spec');
      const header = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: wrapped\n`;
      if (podDepth === 'podTemplate') {
        return `${header}template:\n  metadata:\n${indent(metadata, 2)}\n  spec:\n${indent(spec, 2)}\n`;
      }
      if (podDepth === 'jobTemplate') {
        return `${header}spec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n${indent(metadata, 8)}\n        spec:\n${indent(spec, 8)}\n`;
      }
      const selector = kind === 'Job' ? '' : '  selector:\n    matchLabels:\n      app: wrapped\n';
      return `${header}spec:\n${selector}  template:\n    metadata:\n${indent(metadata, 4)}\n    spec:\n${indent(spec, 4)}\n`;
    },
  };
}

export const WORKLOAD_WRAPPERS: readonly Wrapper[] = [
  workloadWrapper('Deployment', 'apps/v1', 'template'),
  workloadWrapper('StatefulSet', 'apps/v1', 'template'),
  workloadWrapper('DaemonSet', 'apps/v1', 'template'),
  workloadWrapper('ReplicaSet', 'apps/v1', 'template'),
  workloadWrapper('ReplicationController', 'v1', 'template'),
  workloadWrapper('Job', 'batch/v1', 'template'),
  workloadWrapper('CronJob', 'batch/v1', 'jobTemplate'),
  workloadWrapper('PodTemplate', 'v1', 'podTemplate'),
];
