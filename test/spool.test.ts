/**
 * The CLI's findings wait on disk for the reports: a run forced through the spool writes every format byte
 * for byte as the run held in memory does, cross-object findings, suppressions, the baseline and --quiet included.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FORMATS, loadFormatter, type FormatContext } from '../src/formatters/index.js';
import { exitCode } from '../src/engine/exit-code.js';
import { byFile, countFindings } from '../src/formatters/summary.js';
import { lint, type LintOptions } from '../src/run/lint.js';
import { StringTable } from '../src/k8s/detach.js';
import { FindingSpool } from '../src/run/spool.js';
import { rules } from '../src/rules/index.js';
import { defineRule, type Rule } from '../src/engine/define-rule.js';
import type { Finding } from '../src/types.js';

// Cross-object findings (dangling references, duplicates), comment and annotation suppressions, a credential.
const PATHS = ['test/manifests/dangling-service', 'test/manifests/duplicate-resource', 'test/manifests/suppressions', 'test/manifests/memory'];
const options: LintOptions = { paths: PATHS, cwd: process.cwd(), context: [], complete: true, presets: ['all'], keepSources: true };

async function reports(run: Awaited<ReturnType<typeof lint>>): Promise<Record<string, string>> {
  const context: FormatContext = { cwd: process.cwd(), version: '0.0.0-test', rules: rules.map((rule) => rule.meta), sources: run.sourceTexts ?? run.sources, codeFrame: true };
  const input = { ...run, findings: run.spool ?? run.findings };
  const out: Record<string, string> = {};
  for (const format of FORMATS) out[format] = (await loadFormatter(format))(input, context);
  return out;
}

test('a run through the spool writes every format exactly as the run in memory', async () => {
  const memory = await lint(options);
  const spool = new FindingSpool(0);
  try {
    const spooled = await lint({ ...options, spool });
    assert.ok(spool.spooled, 'the findings went to disk');
    assert.deepEqual(spooled.findings, [], 'none held in the run');
    assert.equal(spooled.sources.size, 0, 'no text held for code frames');
    assert.ok(memory.findings.some((finding) => finding.ruleId === 'dangling-service-reference' || finding.ruleId.startsWith('dangling')));
    assert.ok(memory.findings.some((finding) => finding.suppression));
    const expected = await reports(memory);
    const actual = await reports(spooled);
    for (const format of FORMATS) assert.equal(actual[format], expected[format], format);
  } finally {
    spool.close();
  }
});

test('a baseline and --quiet apply to spooled findings as to findings in memory', async () => {
  const first = await lint(options);
  // Half of today's findings are known: the other half stay reported.
  const baseline = { baseline: { kmlintBaselineVersion: 1, findings: first.findings.filter((_, i) => i % 2 === 0).map((finding) => ({ fingerprint: finding.fingerprint })) }, file: 'kmlint-baseline.json' };
  const withBaseline = { ...options, suppress: { baseline } } as LintOptions;
  const memory = await lint(withBaseline);
  const spool = new FindingSpool(0);
  try {
    const spooled = await lint({ ...withBaseline, spool });
    assert.deepEqual(spooled.baseline, memory.baseline);
    assert.ok(memory.baseline!.matched > 0);
    assert.deepEqual(await reports(spooled), await reports(memory));
    spool.view({ kind: 'errors-only' });
    const errors = memory.findings.filter((finding) => finding.level === 'error');
    assert.deepEqual([...spool], JSON.parse(JSON.stringify(errors)));
  } finally {
    spool.close();
  }
});

test('a run with a cache goes through the spool too: a first run, a partial run and a replay report as runs in memory do', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-spool-cache-'));
  try {
    for (const folder of PATHS) cpSync(folder, path.join(dir, folder), { recursive: true });
    // Without duplicate-resource, which checks every object across files, some files have no cross-object
    // checks of their own: the partial run serves them from the cache.
    const ruleOverrides = new Map([['duplicate-resource', { level: 'off' as const }]]);
    const first = await lint({ ...options, cwd: dir, ruleOverrides });
    const baseline = { baseline: { kmlintBaselineVersion: 1 as const, findings: first.findings.filter((_, i) => i % 3 === 0).map(({ fingerprint, ruleId, file, message }) => ({ fingerprint, ruleId, file, message })) }, file: 'kmlint-baseline.json' };
    const cached = (name: string): LintOptions => ({ ...options, cwd: dir, ruleOverrides, suppress: { baseline }, cache: { file: path.join(dir, name), display: name } });
    const steps = [
      { name: 'first', change: () => {}, replayed: false },
      { name: 'partial', change: () => appendFileSync(path.join(dir, PATHS[2]!, readdirSync(path.join(dir, PATHS[2]!))[0]!), '# edited\n'), replayed: false },
      { name: 'replay', change: () => {}, replayed: true },
    ];
    for (const step of steps) {
      step.change();
      const memory = await lint(cached('memory.cache'));
      const spool = new FindingSpool(0);
      try {
        const spooled = await lint({ ...cached('spooled.cache'), spool });
        assert.equal(spooled.cache?.replayed, step.replayed, step.name);
        // A spool that holds nothing in memory takes a replay's findings too, which a replay holds only when small.
        assert.equal(spool.spooled, true, `${step.name}: the findings went to disk`);
        if (step.name === 'partial') assert.ok(spooled.cache!.hits > 0 && spooled.cache!.hits < spooled.files.length, `${spooled.cache!.hits} files served`);
        assert.deepEqual(spooled.baseline, memory.baseline, step.name);
        assert.ok(memory.baseline!.matched > 0);
        assert.deepEqual(await reports(spooled), await reports(memory), step.name);
      } finally {
        spool.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the spool removes its temporary file when closed, and the CLI leaves none behind', async () => {
  // A folder of this test's own: test files running beside it make folders in the shared one.
  const own = mkdtempSync(path.join(tmpdir(), 'kmlint-spool-own-'));
  const shared = process.env.TMPDIR;
  process.env.TMPDIR = own;
  try {
    const spool = new FindingSpool(0);
    spool.add('a.yaml', []);
    assert.ok(spool.spooled);
    // Elsewhere than on Windows the folder goes as soon as the file is open (test/temp-file.test.ts).
    assert.equal(readdirSync(own).length, process.platform === 'win32' ? 1 : 0);
    assert.equal([...spool].length, 0);
    spool.close();
    assert.deepEqual(readdirSync(own), []);
  } finally {
    if (shared === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = shared;
    rmSync(own, { recursive: true, force: true });
  }

  const { runCli } = await import('./support/cli.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-spool-test-'));
  try {
    const file = path.join(dir, 'two.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    const result = runCli(['--no-context', '--format', 'json', file], { env: { TMPDIR: dir, KMLINT_SPOOL_FROM: '0' } });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /"ruleId": "duplicate-resource"/);
    // Node 22+ keeps its compile cache in the temporary folder too (`module.enableCompileCache()`): not the spool's.
    assert.deepEqual(readdirSync(dir).filter((name) => name !== 'node-compile-cache'), ['two.yaml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a spooled run copies no finding of the walk into the run-wide string table, which lives to the end', async () => {
  const paths = ['test/manifests/capability-added-beyond-baseline', 'test/manifests/apparmor-unconfined'];
  // Findings of the walk, spooled as their file closes; cross-object ones arrive later and stay in memory.
  const crossObject = new Set(rules.filter((rule) => rule.meta.crossObject).map((rule) => rule.meta.id));
  const interned = new Set<string>();
  const intern = StringTable.prototype.string;
  StringTable.prototype.string = function (this: StringTable, text: string): string {
    interned.add(text);
    return intern.call(this, text);
  };
  const spool = new FindingSpool(0);
  try {
    const inMemory = await lint({ ...options, paths, complete: false });
    assert.ok(inMemory.findings.length > 10);
    assert.ok(inMemory.findings.every((finding) => interned.has(finding.fingerprint)), 'findings held in memory are copied through the table');
    interned.clear();
    await lint({ ...options, paths, complete: false, spool });
    const spooled = [...spool];
    assert.equal(spooled.length, inMemory.findings.length);
    const walked = spooled.filter((finding) => !crossObject.has(finding.ruleId));
    assert.ok(walked.length > 10);
    assert.deepEqual(walked.filter((finding) => interned.has(finding.fingerprint) || interned.has(finding.message)), []);
  } finally {
    StringTable.prototype.string = intern;
    spool.close();
  }
});

test('grouping a spool by file reads it once, and still groups right when a file appears twice', () => {
  const finding = (file: string, line: number): Finding => ({
    ruleId: 'latest-tag', level: 'warning', message: 'm', file, region: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, path: [], fingerprint: `${file}:${line}`,
  });
  const spool = new FindingSpool(0);
  try {
    spool.add('a.yaml', [finding('a.yaml', 1), finding('a.yaml', 2)]);
    spool.add('b.yaml', [finding('b.yaml', 1)]);
    spool.tail.push(finding('.kmlint.yaml', 1));
    let readings = 0;
    const read = spool[Symbol.iterator].bind(spool);
    spool[Symbol.iterator] = () => (readings++, read());
    const groups = (): [string, number][] => [...byFile(spool, () => true)].map(([file, findings]) => [file, findings.length]);
    assert.equal(spool.groupedByFile, true);
    assert.deepEqual(groups(), [['a.yaml', 2], ['b.yaml', 1], ['.kmlint.yaml', 1]]);
    assert.equal(readings, 1);
    // A finding of a linted file among the run-wide ones: the spool cannot vouch for the order, so the
    // findings are grouped in memory, still in one reading.
    spool.tail.push(finding('a.yaml', 9));
    assert.equal(spool.groupedByFile, false);
    readings = 0;
    assert.deepEqual(groups(), [['a.yaml', 3], ['b.yaml', 1], ['.kmlint.yaml', 1]]);
    assert.equal(readings, 1);
  } finally {
    spool.close();
  }
});

test('reports and the exit code count a spool without reading it, then in one reading between them once a view changes what it gives', () => {
  const finding = (file: string, line: number, level: Finding['level']): Finding => ({
    ruleId: 'latest-tag', level, message: 'm', file, region: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, path: [], fingerprint: `${file}:${line}`,
  });
  const spool = new FindingSpool(0);
  try {
    spool.add('a.yaml', [finding('a.yaml', 1, 'error'), finding('a.yaml', 2, 'warning')]);
    let readings = 0;
    const read = spool[Symbol.iterator].bind(spool);
    spool[Symbol.iterator] = () => (readings++, read());
    for (let report = 0; report < 3; report++) assert.deepEqual(countFindings(spool), { error: 1, warning: 1, note: 0, suppressed: 0 });
    assert.equal(exitCode({ findings: spool, internalErrors: 0 }), 1);
    assert.equal(exitCode({ findings: spool, internalErrors: 0 }, { failOn: 'note', maxWarnings: 0 }), 1);
    assert.equal(readings, 0, 'the lines were counted as they came');
    // Findings held in memory count too: before the lines, after them, and late ones joining a line.
    spool.head.push(finding('gone.yaml', 1, 'note'));
    spool.addLate('a.yaml', [{ ...finding('a.yaml', 3, 'error'), suppression: { source: 'comment', reason: 'r' } }]);
    assert.deepEqual(countFindings(spool), { error: 1, warning: 1, note: 1, suppressed: 1 });
    assert.deepEqual(countFindings(spool), countFindings([...spool]), 'as a reading counts them');
    assert.equal(readings, 1, 'only the check above read it');
    spool.view({ kind: 'errors-only' });
    assert.deepEqual(countFindings(spool), { error: 1, warning: 0, note: 0, suppressed: 1 });
    assert.deepEqual(countFindings(spool), { error: 1, warning: 0, note: 0, suppressed: 1 });
    assert.equal(readings, 2, 'a view: one reading, remembered');
    spool.tail.push(finding('.kmlint.yaml', 1, 'error'));
    assert.deepEqual(countFindings(spool), { error: 2, warning: 0, note: 0, suppressed: 1 });
    assert.equal(readings, 3);
  } finally {
    spool.close();
  }
});

test('a finding a check across files gives a file that already closed joins that file in the spool, as in memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-late-closed-'));
  // The ConfigMap's check reports on every Service: the Services' file waits for nothing and closed after its walk.
  const rule = defineRule<'late' | 'walk', Record<string, never>>({
    meta: {
      id: 'late-elsewhere-test', category: 'reliability', level: 'warning', presets: ['recommended'], crossObject: true, kinds: ['ConfigMap'],
      summary: 'Reports every Service from a ConfigMap\'s check.', remediation: 'None.',
      messages: { late: 'Service {{name}} reported late.', walk: 'ConfigMap seen.' },
    },
    create: (context) => ({
      object() {
        context.report({ messageId: 'walk', at: ['metadata', 'name'] });
        context.afterIndex((index) => {
          for (const service of index.ofKind('Service')) context.report({ messageId: 'late', data: { name: service.name! }, at: service.at });
        });
      },
    }),
  });
  try {
    writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: two\n');
    const run = { paths: ['.'], cwd: dir, context: [], rules: [rule as Rule] };
    const memory = await lint(run);
    const spool = new FindingSpool(0);
    try {
      await lint({ ...run, spool });
      assert.ok(spool.spooled);
      const found = (findings: Iterable<Finding>): string[] => [...findings].map((finding) => `${finding.file}:${finding.region.startLine} ${finding.message}`);
      // In the closed file's place among the files, not ahead of them all as findings of files the run did not lint.
      assert.deepEqual(found(memory.findings), ['a.yaml:4 ConfigMap seen.', 'b.yaml:4 Service one reported late.', 'b.yaml:9 Service two reported late.']);
      assert.deepEqual(found(spool), found(memory.findings));
    } finally {
      spool.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
