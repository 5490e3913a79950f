/**
 * The rule tester: runs a rule over its fixtures in test/manifests/<rule-id>/{valid,invalid}/.
 *
 * A fixture is a file, or a folder of files linted as one run (for cross-object rules). Markers are
 * comments on the line where a finding must start:
 *   privileged: true   # expect: privileged-container/privileged@7
 * `rule-id`, then optionally `/messageId` and `@column`; several markers are separated by commas and
 * `# expect: a, a` expects two findings on that line. Header comments set the rule's options and the run:
 *   # options: {"allowedPaths": ["/var/log"]}
 *   # settings: {"kubeVersion": "1.24", "namespace": "shop", "complete": true}
 *
 * An invalid fixture needs a marker of the rule, a valid one must have none. Single-Pod fixtures, valid
 * and invalid, are re-wrapped into every kind of the workload table (from the table itself) and must
 * give the same findings on the shifted lines. Every finding must start on a key or value that exists
 * unless the rule reported the field as missing, and every messageId of a rule must be exercised.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Rule } from '../../src/engine/define-rule.js';
import { BUILT_IN_WORKLOADS, type PathPattern, type WorkloadKind } from '../../src/k8s/workloads.js';
import { lintSources, type LintRun } from '../../src/run/lint.js';
import type { Finding, Level } from '../../src/types.js';

export const MANIFESTS = path.resolve(import.meta.dirname, '..', 'manifests');

export interface FixtureFile {
  /** Name shown in findings, relative to the fixture folder's parent. */
  name: string;
  text: string;
}

export interface FixtureSettings {
  kubeVersion?: string;
  namespace?: string;
  complete?: boolean;
}

export interface Fixture {
  label: string;
  kind: 'valid' | 'invalid';
  files: FixtureFile[];
  options?: Record<string, unknown>;
  settings?: FixtureSettings;
}

export interface ExplicitError {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  level?: Level;
  messageId?: string;
}

export interface ExplicitCase {
  /** A fixture file under test/manifests/. */
  fixture: string;
  options?: Record<string, unknown>;
  errors: ExplicitError[];
}

/** Whether a rule looks at objects at all: rules the engine reports itself (syntax errors, suppression notes) do not. */
export function hasVisitors(rule: Rule): boolean {
  const visitors = rule.create({
    options: rule.meta.defaultOptions ?? {},
    settings: { kubeVersion: '1.36', namespace: 'default', presets: ['all'], complete: false },
    report: () => undefined,
    locate: () => {
      throw new Error('not in a visitor');
    },
    afterIndex: () => undefined,
    watch: () => undefined,
    hold: (values) => values,
    tally: () => undefined,
  });
  return Object.keys(visitors).length > 0;
}

/** Lints texts as one run with one rule (and the engine's own findings), views frozen. */
export async function lintWith(rule: Rule, files: readonly FixtureFile[], options?: Record<string, unknown>, settings: FixtureSettings = {}): Promise<LintRun> {
  const overrides = options ? new Map([[rule.meta.id, { options }]]) : undefined;
  return lintSources(
    files.map((file) => ({ display: file.name, read: async () => ({ text: file.text }) })),
    { cwd: MANIFESTS, rules: [rule], presets: ['all'], ruleOverrides: overrides, context: [], freeze: true, ...settings },
  );
}

/** Every fixture of a rule: files and folders under valid/ and invalid/. */
export function fixturesOf(ruleId: string): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(MANIFESTS, ruleId, kind);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      const label = `${ruleId}/${kind}/${entry}`;
      const files = statSync(full).isDirectory()
        ? readdirSync(full)
            .filter((name) => /\.(ya?ml|json)$/.test(name))
            .sort()
            .map((name) => ({ name: `${label}/${name}`, text: readFileSync(path.join(full, name), 'utf8') }))
        : /\.(ya?ml|json)$/.test(entry)
          ? [{ name: label, text: readFileSync(full, 'utf8') }]
          : [];
      if (files.length === 0) continue;
      const header = files.map((file) => file.text).join('\n');
      fixtures.push({ label, kind, files, options: headerJson(header, 'options'), settings: headerJson(header, 'settings') as FixtureSettings | undefined });
    }
  }
  return fixtures;
}

function headerJson(text: string, name: string): Record<string, unknown> | undefined {
  const match = new RegExp(`^#\\s*${name}:\\s*(\\{.*\\})\\s*$`, 'm').exec(text);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : undefined;
}

export interface Marker {
  file: string;
  line: number;
  messageId?: string;
  column?: number;
}

/** The `# expect:` markers of one rule in the files. */
export function markersOf(files: readonly FixtureFile[], ruleId: string): Marker[] {
  const result: Marker[] = [];
  for (const file of files) {
    file.text.split(/\r?\n/).forEach((line, index) => {
      const match = /#\s*expect:\s*(.+)$/.exec(line);
      if (!match?.[1]) return;
      for (const item of match[1].split(',')) {
        const marker = /^\s*([a-z0-9-]+)(?:\/([A-Za-z0-9]+))?(?:@(\d+))?\s*$/.exec(item);
        if (!marker || marker[1] !== ruleId) continue;
        const found: Marker = { file: file.name, line: index + 1 };
        if (marker[2]) found.messageId = marker[2];
        if (marker[3]) found.column = Number(marker[3]);
        result.push(found);
      }
    });
  }
  return result.sort(compareMarkers);
}

function compareMarkers(a: Marker, b: Marker): number {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

export function describeFinding(finding: Finding): string {
  const { startLine, startColumn } = finding.region;
  return `${finding.file}:${startLine}:${startColumn} ${finding.level} ${finding.ruleId}/${finding.messageId ?? '?'} ${finding.message}`;
}

/** Lints a fixture and checks its findings against its markers; returns the rule's findings. */
export async function checkFixture(rule: Rule, fixture: Pick<Fixture, 'kind' | 'files' | 'options' | 'settings' | 'label'>): Promise<Finding[]> {
  const id = rule.meta.id;
  const run = await lintWith(rule, fixture.files, fixture.options, fixture.settings);
  const own = run.findings.filter((finding) => finding.ruleId === id);
  const others = run.findings.filter((finding) => finding.ruleId !== id);
  assert.equal(run.internalErrors, 0, `${fixture.label}: the rule threw: ${others.map(describeFinding).join('; ')}`);
  assert.deepEqual(others.filter((finding) => !finding.suppression).map(describeFinding), [], `${fixture.label}: the fixture itself has problems`);
  for (const finding of own) {
    assert.ok(!/\{\{\s*\w+\s*\}\}/.test(finding.message), `${fixture.label}: message keeps a placeholder: ${finding.message}`);
    assert.ok(!finding.unresolved, `${fixture.label}: ${describeFinding(finding)} names path ${finding.path.join('.')}, which does not exist; report it with missing: true if the field is absent`);
    for (const related of finding.related ?? []) assert.ok(related.region.startLine >= 1, `${fixture.label}: related location without a line`);
  }
  const expected = markersOf(fixture.files, id);
  if (fixture.kind === 'valid') {
    assert.deepEqual(expected, [], `${fixture.label}: a valid fixture must not carry "# expect: ${id}" markers`);
    assert.deepEqual(own.filter((finding) => !finding.suppression).map(describeFinding), [], `${fixture.label}: a valid fixture must give no ${id} finding`);
    return own;
  }
  assert.ok(expected.length > 0, `${fixture.label}: an invalid fixture needs at least one "# expect: ${id}" marker`);
  const actual: Marker[] = own
    .filter((finding) => !finding.suppression)
    .map((finding) => ({ file: finding.file, line: finding.region.startLine, messageId: finding.messageId, column: finding.region.startColumn }))
    .sort(compareMarkers);
  const shown = (markers: readonly Marker[]) => markers.map((m) => `${m.file}:${m.line}${m.messageId ? `/${m.messageId}` : ''}@${m.column ?? '*'}`);
  assert.equal(actual.length, expected.length, `${fixture.label}: ${actual.length} findings, ${expected.length} markers\nfindings: ${shown(actual).join(', ')}\nmarkers: ${shown(expected).join(', ')}\n${own.map(describeFinding).join('\n')}`);
  // Pair each marker with a finding on its line; messageId and column are checked where the marker gives them.
  const unmatched = [...actual];
  for (const marker of expected) {
    const at = unmatched.findIndex(
      (finding) => finding.file === marker.file && finding.line === marker.line && (marker.messageId === undefined || finding.messageId === marker.messageId) && (marker.column === undefined || finding.column === marker.column),
    );
    assert.ok(at !== -1, `${fixture.label}: no finding for marker ${shown([marker])[0]}\nfindings: ${shown(actual).join(', ')}`);
    unmatched.splice(at, 1);
  }
  return own;
}

/** One test per fixture (and per fixture, every workload wrapping), plus the completeness checks. */
export function testRuleFixtures(rule: Rule): void {
  const id = rule.meta.id;
  const fixtures = fixturesOf(id);
  describe(`rule ${id}`, () => {
    const seen = new Set<string>();
    test('has valid and invalid fixtures', () => {
      assert.ok(fixtures.some((fixture) => fixture.kind === 'valid'), `${id}: no fixture in test/manifests/${id}/valid/`);
      assert.ok(fixtures.some((fixture) => fixture.kind === 'invalid'), `${id}: no fixture in test/manifests/${id}/invalid/`);
    });
    for (const fixture of fixtures) {
      test(`${fixture.kind}: ${fixture.label}`, async () => {
        for (const finding of await checkFixture(rule, fixture)) if (finding.messageId) seen.add(finding.messageId);
      });
      const pod = fixture.files.length === 1 ? singlePod(fixture.files[0]!.text) : undefined;
      if (!pod) continue;
      test(`${fixture.kind}: ${fixture.label} wrapped in every workload kind`, async () => {
        for (const workload of wrappableWorkloads()) {
          const text = wrapPod(pod, workload);
          const label = `${fixture.label} as ${workload.group ? `${workload.group}/` : ''}${workload.kind}`;
          await checkFixture(rule, { ...fixture, label, files: [{ name: fixture.files[0]!.name, text }] });
        }
      });
    }
    test('every messageId is exercised by some fixture', (t) => {
      if (fixtures.length === 0) return;
      const missing = Object.keys(rule.meta.messages).filter((messageId) => !seen.has(messageId));
      if (missing.length > 0 && seen.size === 0) t.diagnostic('no finding recorded (filtered run?)');
      else assert.deepEqual(missing, [], `${id}: no invalid fixture reports ${missing.join(', ')}`);
    });
  });
}

export interface RuleCases {
  /** Fixtures that must give no finding with these options. */
  valid?: { fixture: string; options?: Record<string, unknown> }[];
  /** Fixtures with exact regions, messages or levels; without `errors`, their markers are checked. */
  invalid?: { fixture: string; options?: Record<string, unknown>; errors?: ExplicitError[] }[];
}

/** Cases fixtures and markers cannot express: exact regions, messages, levels, or other options. */
export function testRuleCases(rule: Rule, cases: RuleCases): void {
  const explicit: ExplicitCase[] = [
    ...(cases.valid ?? []).map((valid) => ({ ...valid, errors: [] })),
    ...(cases.invalid ?? []).filter((invalid) => invalid.errors).map((invalid) => ({ ...invalid, errors: invalid.errors! })),
  ];
  describe(`rule ${rule.meta.id}: exact cases`, () => {
    for (const invalid of (cases.invalid ?? []).filter((candidate) => !candidate.errors)) {
      test(`${invalid.fixture} with ${JSON.stringify(invalid.options)}`, async () => {
        const text = readFileSync(path.join(MANIFESTS, invalid.fixture), 'utf8');
        await checkFixture(rule, { kind: 'invalid', label: invalid.fixture, files: [{ name: invalid.fixture, text }], options: invalid.options });
      });
    }
    for (const testCase of explicit) {
      test(`${testCase.fixture}${testCase.options ? ` with ${JSON.stringify(testCase.options)}` : ''}`, async () => {
        const text = readFileSync(path.join(MANIFESTS, testCase.fixture), 'utf8');
        const run = await lintWith(rule, [{ name: testCase.fixture, text }], testCase.options ?? headerJson(text, 'options'));
        const findings = run.findings.filter((finding) => finding.ruleId === rule.meta.id);
        if (testCase.errors.length === 0) assert.deepEqual(findings.map(describeFinding), []);
        for (const error of testCase.errors) {
          const match = findings.find((finding) => finding.region.startLine === error.line && (error.column === undefined || finding.region.startColumn === error.column));
          assert.ok(match, `${testCase.fixture}: no finding at ${error.line}:${error.column ?? '*'}; got ${findings.map(describeFinding).join('; ')}`);
          if (error.endLine !== undefined) assert.equal(match.region.endLine, error.endLine);
          if (error.endColumn !== undefined) assert.equal(match.region.endColumn, error.endColumn);
          if (error.level !== undefined) assert.equal(match.level, error.level);
          if (error.messageId !== undefined) assert.equal(match.messageId, error.messageId);
          if (typeof error.message === 'string') assert.equal(match.message, error.message);
          else if (error.message) assert.match(match.message, error.message);
        }
      });
    }
  });
}

// ---- Wrapping one Pod into every kind of the workload table ----

export interface PodParts {
  /** Lines before `apiVersion` (header comments), kept at the top. */
  header: string[];
  metadata: string[];
  spec: string[];
}

/** The parts of a one-document Pod fixture, or undefined for anything else. */
export function singlePod(text: string): PodParts | undefined {
  const documents = text.split(/^---\s*$/m).filter((part) => /\S/.test(part.replace(/#.*$/gm, '')));
  if (documents.length !== 1 || !/^kind:\s*Pod\s*$/m.test(text) || !/^spec:\s*$/m.test(text) || /^apiVersion:[ \t]*(?!v1[ \t]*$)\S/m.test(text)) return undefined;
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /^[A-Za-z]/.test(line));
  return { header: lines.slice(0, Math.max(first, 0)), metadata: topLevelBlock(lines, 'metadata'), spec: topLevelBlock(lines, 'spec') };
}

function topLevelBlock(lines: readonly string[], key: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start === -1) return [];
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line) && !line.startsWith('#')) break;
    block.push(line);
  }
  while (block.length > 0 && block.at(-1)!.trim() === '') block.pop();
  return block;
}

/** The table's kinds whose pod specs hold the usual container lists (Argo and Tekton name theirs otherwise). */
export function wrappableWorkloads(): WorkloadKind[] {
  return BUILT_IN_WORKLOADS.filter((workload) => workload.kind !== 'Pod' && workload.containers === undefined);
}

interface Node {
  lines?: string[];
  children: Map<string, Node>;
  /** Rendered as a one-item list rather than a mapping key. */
  listItem?: boolean;
}

/** A Pod's metadata and spec placed at the workload's first pod template path, rendered as YAML text. */
export function wrapPod(pod: PodParts, workload: WorkloadKind): string {
  const template = workload.pods[0]!;
  const root: Node = { children: new Map() };
  insert(root, template.spec, pod.spec);
  insert(root, template.metadata, pod.metadata);
  const group = workload.group ?? '';
  const apiVersion = group === '' ? 'v1' : `${group}/v1`;
  const head = [...pod.header, `apiVersion: ${apiVersion}`, `kind: ${workload.kind}`];
  if (!(template.metadata[0] === 'metadata' && template.metadata.length === 1)) head.push('metadata:', '  name: wrapped');
  return [...head, ...render(root, 0, undefined)].join('\n') + '\n';
}

function insert(root: Node, pattern: PathPattern, lines: string[]): void {
  let node = root;
  let previous = '';
  for (const segment of pattern) {
    // `*` after a replica-spec map is a mapping key; elsewhere (templates, groups, tasks) a list item.
    const key = segment === '*' ? (previous.endsWith('ReplicaSpecs') ? 'Worker' : '-') : String(segment);
    let child = node.children.get(key);
    if (!child) {
      child = { children: new Map(), listItem: key === '-' };
      node.children.set(key, child);
    }
    node = child;
    previous = String(segment);
  }
  node.lines = lines;
}

/** Pod block lines sit two spaces under their top-level key; they move to `indent`, markers' columns with them. */
function render(node: Node, indent: number, _parent: string | undefined): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (node.lines) out.push(...node.lines.map((line) => shiftLine(line, indent - 2)));
  for (const [key, child] of node.children) {
    if (child.listItem) {
      out.push(`${pad}-`);
      out.push(...render(child, indent + 2, key));
    } else {
      out.push(`${pad}${key}:`);
      out.push(...render(child, indent + 2, key));
    }
  }
  return out;
}

function shiftLine(line: string, by: number): string {
  if (line.trim() === '') return line;
  const moved = by >= 0 ? ' '.repeat(by) + line : line.slice(Math.min(-by, line.length - line.trimStart().length));
  return moved.replace(/(#\s*expect:.*)$/, (markers) => markers.replace(/@(\d+)/g, (_whole, column: string) => `@${Number(column) + by}`));
}
