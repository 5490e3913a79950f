/** `--concurrency N|auto`: worker threads write the report one thread writes, byte for byte, and `auto` knows when not to. */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { lint } from '../src/index.js';
import { AUTO_MIN_BYTES, dealOut, planThreads } from '../src/run/parallel.js';
import type { Source } from '../src/run/lint.js';
import { CLI, cliEnv, runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

const FIXTURES = path.join(REPO_ROOT, 'test/manifests/concurrency');

/** The fixture folder, plus what cannot be committed: a binary file, Latin-1 text, a named pipe and a link loop. */
function fixtureCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-threads-'));
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(path.join(dir, 'g-binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0]));
  writeFileSync(path.join(dir, 'h-latin1.yaml'), Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1'));
  execFileSync('mkfifo', [path.join(dir, 'i-pipe.yaml')]);
  symlinkSync('j-loop.yaml', path.join(dir, 'j-loop.yaml'));
  // Permissions do not stop root, who runs the tests in CI containers: the pipe and the loop stand in there.
  if (process.getuid?.() !== 0) {
    writeFileSync(path.join(dir, 'k-unreadable.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    chmodSync(path.join(dir, 'k-unreadable.yaml'), 0);
  }
  return dir;
}

/** Every `step`-th file of the real corpus, 60 in all, in their folders. */
function corpusSlice(): string {
  const root = sharedPath('corpus', 'real');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  const step = Math.max(1, Math.floor(files.length / 60));
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-threads-corpus-'));
  for (const file of files.filter((_, i) => i % step === 0).slice(0, 60)) cpSync(path.join(root, file), path.join(dir, file));
  return dir;
}

interface Reports {
  status: number;
  stderr: string;
  json: string;
  sarif: string;
  text: string;
}

/** One run writing text, JSON and SARIF to files; stdout stays empty. */
async function reports(cwd: string, threads: string, flags: readonly string[] = [], env: Record<string, string> = {}): Promise<Reports> {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-threads-out-'));
  const formats = ['json', 'sarif', 'text'].flatMap((format) => ['-f', `${format}=${path.join(out, `report.${format}`)}`]);
  let status = 0;
  let stderr: string;
  try {
    ({ stderr } = await promisify(execFile)(process.execPath, [CLI, '--concurrency', threads, ...flags, ...formats, '.'], { cwd, env: cliEnv(env) }));
  } catch (error) {
    ({ code: status, stderr } = error as { code: number; stderr: string });
  }
  const read = (format: string): string => readFileSync(path.join(out, `report.${format}`), 'utf8');
  return { status, stderr, json: read('json'), sarif: read('sarif'), text: read('text') };
}

/** The same run with one, two and four threads. */
async function byThreads(cwd: string, flags: readonly string[] = [], env: Record<string, string> = {}): Promise<Reports[]> {
  return Promise.all(['1', '2', '4'].map((threads) => reports(cwd, threads, flags, env)));
}

function findingsOf(run: Reports): { ruleId: string; file: string; related?: { file: string }[] }[] {
  return (JSON.parse(run.json) as { findings: { ruleId: string; file: string; related?: { file: string }[] }[] }).findings;
}

describe('worker threads', () => {
  test('report the fixtures byte for byte as one thread does: formats, notes, exit code, cross-object findings across files, a failing rule', async () => {
    const dir = fixtureCopy();
    // An invalid pattern makes the rule throw on every object carrying the label, in whichever thread lints it.
    const failing = ['--rule', 'missing-required-metadata: {labels: [{key: team, pattern: "("}]}'];
    const [one, ...more] = await byThreads(dir, ['--preset', 'all', ...failing]);
    for (const run of more) assert.deepEqual(run, one);
    assert.equal(one!.status, 2, one!.stderr);
    assertValidSarif(JSON.parse(one!.sarif));
    const findings = findingsOf(one!);
    // The copy in c-duplicate.yaml names the first in a-deployment.yaml; with four threads they are linted apart.
    const duplicate = findings.find((finding) => finding.ruleId === 'duplicate-resource');
    assert.deepEqual([duplicate?.file, duplicate?.related?.[0]?.file], ['c-duplicate.yaml', 'a-deployment.yaml']);
    const names = readdirSync(dir).sort();
    const sizes = names.map((name) => (name.endsWith('.yaml') && !/pipe|loop/.test(name) ? statSync(path.join(dir, name)).size : 0));
    const groups = dealOut(sizes, 4);
    const threadOf = (name: string): number => groups.findIndex((group) => group.includes(names.indexOf(name)));
    assert.notEqual(threadOf('a-deployment.yaml'), threadOf('c-duplicate.yaml'));
    // Broken, binary, Latin-1 and unreadable inputs: findings and one-line notes, never a stack trace.
    assert.ok(findings.some((finding) => finding.ruleId === 'yaml-syntax-error' && finding.file === 'd-broken.yaml'));
    assert.ok(findings.some((finding) => finding.file === 'h-latin1.yaml'), 'the Latin-1 file has its finding');
    const unreadable = ['g-binary.yaml', 'i-pipe.yaml', 'j-loop.yaml', ...(process.getuid?.() !== 0 ? ['k-unreadable.yaml'] : [])];
    for (const name of unreadable) assert.match(one!.stderr, new RegExp(`${name.replace('.', '\\.')}: `), name);
    assert.doesNotMatch(one!.stderr, /\n\s+at /);
    // The configuration reached the workers: an override by file with options, an exemption, an unused one.
    assert.ok(findings.some((finding) => finding.ruleId === 'missing-required-metadata' && finding.file === 'f-pod.yaml'));
    assert.ok(findings.some((finding) => finding.ruleId === 'unused-suppression' && finding.file === '.kmlint.yaml'));
    // The failing rule: one internal error per labelled object (the override for f-*.yaml replaces the pattern).
    const failures = findings.filter((finding) => finding.ruleId === 'internal-error');
    assert.deepEqual(failures.map((finding) => finding.file), ['a-deployment.yaml', 'c-duplicate.yaml']);
  });

  test('equal one thread on a slice of the real corpus', async () => {
    const dir = corpusSlice();
    const [one, ...more] = await byThreads(dir);
    assert.ok(findingsOf(one!).length > 100, 'the slice has findings');
    for (const run of more) assert.deepEqual(run, one);
  });

  test('findings spooled to disk from the threads, with a baseline marking some, give the reports of one thread', async () => {
    const dir = fixtureCopy();
    // A baseline of one thread's findings of the recommended preset: a run with every rule then shows only the others.
    execFileSync(process.execPath, [CLI, '--write-baseline', path.join(dir, 'baseline.json'), '.'], { cwd: dir });
    const flags = ['--preset', 'all', '--baseline', 'baseline.json'];
    const [one, ...more] = await byThreads(dir, flags, { KMLINT_SPOOL_FROM: '0' });
    for (const run of more) assert.deepEqual(run, one);
    assert.deepEqual(more[0], await reports(dir, '2', flags), 'the same whether the spool holds the findings or writes them out');
    const { findings } = JSON.parse(one!.json) as { findings: { suppression?: { source: string } }[] };
    assert.ok(findings.length > 10, 'findings not in the baseline are reported');
    assert.match(one!.stderr, /baseline baseline\.json: [1-9]\d* known findings? hidden/);
  });

  test('the library takes concurrency too; context files reach every worker', async () => {
    const dir = fixtureCopy();
    // The context holds the pods the orphan Service selects: it is no longer dangling, in any thread.
    const context = mkdtempSync(path.join(tmpdir(), 'kmlint-threads-context-'));
    writeFileSync(path.join(context, 'gone.yaml'), readFileSync(path.join(FIXTURES, 'a-deployment.yaml'), 'utf8').replaceAll('app: web', 'app: gone').replace('name: web', 'name: gone'));
    const runs = await Promise.all([1, 2].flatMap((concurrency) => [[], [context]].map((contextPaths) => lint({ paths: ['.'], cwd: dir, presets: ['all'], concurrency, stats: true, context: contextPaths, keepSources: true }))));
    const [one, oneWithContext, two, twoWithContext] = runs.map((run) => ({ ...run, stats: undefined }));
    assert.deepEqual(two, one);
    assert.deepEqual(twoWithContext, oneWithContext);
    const dangling = (run: typeof one): number => run!.findings.filter((finding) => finding.ruleId === 'dangling-service').length;
    assert.deepEqual([dangling(one), dangling(oneWithContext), oneWithContext!.contextObjects], [1, 0, 1]);
    assert.deepEqual(runs[2]!.stats?.threads, { threads: 2, reason: 'concurrency 2' });
    // The texts code frames print came back from the workers, masked: the library holds them as one thread does.
    assert.ok(one!.sources.size >= 5, 'texts of the files with findings');
    assert.equal(two!.sourceTexts, undefined);
  });

  test('the CLI reads code frames from disk: the main thread holds no text of the workers\' files', async () => {
    const dir = fixtureCopy();
    const held = await lint({ paths: ['.'], cwd: dir, presets: ['all'], concurrency: 2, keepSources: true });
    const fromDisk = await lint({ paths: ['.'], cwd: dir, presets: ['all'], concurrency: 2, keepSources: true, framesFromDisk: true });
    assert.equal(fromDisk.sources.size, 0);
    assert.ok(held.sources.size >= 5);
    for (const [file, text] of held.sources) assert.equal(fromDisk.sourceTexts?.get(file), text, file);
    assert.deepEqual(fromDisk.findings, held.findings);
  });
});

describe('auto and the thread plan', () => {
  test('auto keeps one thread for a small run and for standard input, and says so under --stats', () => {
    const small = runCli(['--concurrency', 'auto', '--stats', 'test/manifests/concurrency']);
    assert.match(small.stderr, /^kmlint: threads: 1 \(auto: a small run \(\d+ files, \d+ KiB\)\)$/m);
    const stdin = runCli(['--concurrency', 'auto', '--stats', '-'], { input: readFileSync(path.join(FIXTURES, 'a-deployment.yaml'), 'utf8') });
    assert.match(stdin.stderr, /^kmlint: threads: 1 \(auto: standard input\)$/m);
    const asked = runCli(['--concurrency', '2', '--stats', 'test/manifests/concurrency']);
    assert.match(asked.stderr, /^kmlint: threads: 2 \(concurrency 2\)$/m);
  });

  test('auto uses every core on a big run, and one on a single core', () => {
    const sources: Source[] = Array.from({ length: 40 }, (_, i) => ({ display: `f${i}.yaml`, absolute: `/repo/f${i}.yaml`, read: async () => ({ text: '' }) }));
    const sizes = sources.map(() => AUTO_MIN_BYTES);
    assert.deepEqual(planThreads(sources, sizes, { paths: [], cwd: '/', concurrency: 'auto' }, 4), { threads: 4, reason: 'auto: 4 cores' });
    assert.deepEqual(planThreads(sources, sizes, { paths: [], cwd: '/', concurrency: 'auto' }, 1), { threads: 1, reason: 'auto: one core' });
    // More threads than files to read is pointless.
    assert.equal(planThreads(sources.slice(0, 3), sizes, { paths: [], cwd: '/', concurrency: 8 }).threads, 3);
  });

  test('files are dealt out by size, largest first, each thread keeping input order', () => {
    assert.deepEqual(dealOut([10, 50, 20, 30, 5], 2), [[0, 1], [2, 3, 4]]);
  });

  test('a bad --concurrency is a usage error', () => {
    for (const value of ['0', 'many', '1.5']) {
      const run = runCli(['--concurrency', value, 'test/manifests/concurrency']);
      assert.equal(run.status, 2, value);
      assert.match(run.stderr, /--concurrency must be a whole number of threads \(1 or more\) or auto; got/);
    }
  });
});
