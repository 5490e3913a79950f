/**
 * Reports written in a second thread: which ones go there, and that they are byte for byte what one thread
 * writes, the baseline and --quiet applied, whether the spool held the findings or wrote them to disk.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { reportsForThread } from '../src/cli/report-thread.js';
import { FORMATS, type FormatName } from '../src/formatters/index.js';
import { runCli } from './support/cli.js';

const toFiles = FORMATS.map((format) => ({ format, file: `report.${format}` }));
const formatsAt = (positions: readonly number[], targets: readonly { format: FormatName }[] = toFiles): FormatName[] => positions.map((position) => targets[position]!.format);

test('a large spool with several reports: some go to the second thread, never those that print sources', () => {
  const moved = formatsAt(reportsForThread(toFiles, { findings: 200_000, cores: 2 }));
  assert.ok(moved.length > 0 && moved.length < FORMATS.length, moved.join());
  for (const format of moved) assert.ok(!['text', 'rdjson'].includes(format), format);
  // Standard output stays in this thread too.
  const stdoutJson = toFiles.map((target) => (target.format === 'json' ? { format: target.format } : target));
  assert.ok(!formatsAt(reportsForThread(stdoutJson, { findings: 200_000, cores: 2 }), stdoutJson).includes('json'));
  // Two reports of a large run: one each.
  const two = [{ format: 'json', file: 'a.json' }, { format: 'sarif', file: 'a.sarif' }] as const;
  assert.equal(reportsForThread(two, { findings: 200_000, cores: 2 }).length, 1);
});

test('no second thread where it cannot pay or is not wanted', () => {
  assert.deepEqual(reportsForThread(toFiles, { findings: 1_000, cores: 2 }), [], 'a small run: starting the thread costs more');
  assert.deepEqual(reportsForThread(toFiles, { findings: 200_000, cores: 1 }), [], 'one core');
  assert.deepEqual(reportsForThread(toFiles, { findings: 200_000, cores: 4, oneThread: true }), [], 'no --concurrency, or 1');
  assert.deepEqual(reportsForThread([{ format: 'json', file: 'a.json' }], { findings: 200_000, cores: 2 }), [], 'one report');
  const printing = [{ format: 'text', file: 'a.txt' }, { format: 'rdjson', file: 'a.rdjson' }] as const;
  assert.deepEqual(reportsForThread(printing, { findings: 200_000, cores: 2 }), [], 'only reports that print sources');
});

test('reports from the second thread are those one thread writes, with a baseline and --quiet, held in memory or spooled to disk', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-report-thread-'));
  try {
    readsLikeOneThread(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

function readsLikeOneThread(out: string): void {
  const baseline = path.join(out, 'baseline.json');
  assert.equal(runCli(['--preset', 'all', '--no-context', 'test/manifests/dangling-service', '--write-baseline', baseline]).status, 0);
  const inputs = ['test/manifests/dangling-service', 'test/manifests/suppressions', 'test/manifests/memory', 'test/manifests/secret-in-env-literal'];
  const formats = (name: string): string[] => FORMATS.flatMap((format) => ['--format', `${format}=${path.join(out, `${name}.${format}`)}`]);
  for (const spoolFrom of ['0', '100000']) {
    for (const flags of [[], ['--quiet']]) {
      const args = ['--preset', 'all', '--no-context', '--no-color', '--baseline', baseline, ...flags, ...inputs];
      // The runs' spools go to this test's folder, not the one other test files count their folders in.
      const env = { KMLINT_SPOOL_FROM: spoolFrom, KMLINT_REPORT_THREAD: 'always', TMPDIR: out };
      const what = `spool from ${spoolFrom} ${flags.join(' ')}`;
      const one = runCli([...args, '--concurrency', '1', ...formats('one')], { env });
      const two = runCli([...args, '--concurrency', '2', '--stats', ...formats('two')], { env });
      // Without --concurrency a run keeps one heap: the reports stay in this thread.
      assert.doesNotMatch(runCli([...args, '--stats', '--format', `json=${path.join(out, 'default.json')}`, '--format', `sarif=${path.join(out, 'default.sarif')}`], { env }).stderr, /second thread/, what);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(two.status, one.status, what);
      assert.match(two.stderr, /^kmlint: reports in a second thread: [a-z, ]+$/m, what);
      assert.doesNotMatch(one.stderr, /second thread/, what);
      assert.doesNotMatch(two.stderr, /internal error|\n\s+at /, what);
      for (const format of FORMATS) {
        const written = readFileSync(path.join(out, `two.${format}`), 'utf8');
        assert.ok(written.length > 200, `${what}: ${format}`);
        assert.equal(written, readFileSync(path.join(out, `one.${format}`), 'utf8'), `${what}: ${format}`);
        assert.doesNotMatch(written, /FakeMigratePass1|fake-jwt-signing-secret/, `${what}: ${format} leaks a credential`);
      }
      const json = readFileSync(path.join(out, 'two.json'), 'utf8');
      if (flags.length === 0) assert.match(json, /"source": "baseline"/, what);
      else assert.doesNotMatch(json, /"level": "(warning|note)"/, what);
    }
  }
}
