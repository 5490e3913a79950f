/** A run that outgrows Node's heap stops with one line saying what to do, not with V8's fatal error. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { heapLimitGuard, oldGenerationLimit } from '../src/cli/heap-limit.js';
import { lint } from '../src/index.js';
import { CROSS_OBJECT_BYTES_PER_OBJECT } from '../src/run/lint.js';
import { ResourceError } from '../src/errors.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

test('the guard lets a heap within its limit be, and stops one that stays over it after a full collection', () => {
  const roomy = heapLimitGuard(2 ** 40);
  for (let file = 0; file < 100; file++) roomy(`after ${file} files`);
  const tight = heapLimitGuard(2 ** 20);
  assert.throws(() => tight('after 3 of 9 files'), (error: unknown) => {
    assert.ok(error instanceof ResourceError);
    assert.match(error.message, /^stopped after 3 of 9 files: the run needs more memory than Node's heap limit of 1 MB allows\./);
    return true;
  });
});

test('the limit is the one --max-old-space-size sets, whatever the young generation Node reserves beside it', () => {
  const MB = 2 ** 20;
  const memory = 8192 * MB;
  // Node 24 reserves 192 MB for the young generation: 384 MB set by hand give a heap limit of 576 MB.
  assert.equal(oldGenerationLimit(576 * MB, ['--max-old-space-size=384'], memory), 384 * MB);
  assert.equal(oldGenerationLimit(576 * MB, ['', '--max_old_space_size', '384'], memory), 384 * MB);
  assert.equal(oldGenerationLimit(576 * MB, ['--max-old-space-size="384"'], memory), 384 * MB);
  assert.equal(oldGenerationLimit(576 * MB, ['"--max-old-space-size=384"'], memory), 384 * MB);
  // NODE_OPTIONS come first, the command line last, and the last one wins.
  assert.equal(oldGenerationLimit(1072 * MB, ['--max-old-space-size=2048', '--max-old-space-size=1024'], memory), 1024 * MB);
  assert.equal(oldGenerationLimit(1072 * MB, ['--max-old-space-size=1024', '--max-old-space-size=many'], memory), 1024 * MB);
  // Node 24's share of the machine's memory wins over a size, wherever it is given.
  assert.equal(oldGenerationLimit(1011 * MB, ['--max-old-space-size-percentage=10%', '--max-old-space-size=4096'], memory), 0.1 * memory);
  assert.equal(oldGenerationLimit(4288 * MB, ['--max_old_space_size_percentage', '50'], memory), 0.5 * memory);
  // Nothing set: the heap's limit less Node 20's young generation.
  assert.equal(oldGenerationLimit(4144 * MB, ['--enable-source-maps'], memory), 4096 * MB);
  assert.equal(oldGenerationLimit(4144 * MB, [], memory), 4096 * MB);
});

test('the CLI stops with exit code 2, the advice on one line, no stack trace and no report', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-heap-'));
  const report = path.join(out, 'report.sarif');
  // A limit below what kmlint needs to start: the first file's check stops the run.
  const run = runCli(['--preset', 'all', '--format', `sarif=${report}`, 'test/manifests/concurrency'], { cwd: REPO_ROOT, env: { KMLINT_HEAP_LIMIT_MB: '4' } });
  assert.equal(run.status, 2, run.stderr);
  assert.match(
    run.stderr,
    /^kmlint: stopped after 1 of \d+ files: the run needs more memory than Node's heap limit of 4 MB allows\. Lint the repository in parts \(--shard i\/n in each part, then kmlint merge\) or raise the limit: NODE_OPTIONS=--max-old-space-size=8\.\n$/,
  );
  assert.equal(run.stdout, '');
  assert.equal(existsSync(report), false, 'no report of a run that did not finish');
  // With worker threads the check runs as their files come in, and stops the run the same way.
  const threads = runCli(['--preset', 'all', '--concurrency', '2', '--format', `sarif=${report}`, 'test/manifests/concurrency'], { cwd: REPO_ROOT, env: { KMLINT_HEAP_LIMIT_MB: '4' } });
  assert.equal(threads.status, 2, threads.stderr);
  assert.match(threads.stderr, /^kmlint: stopped after 1 of \d+ files: the run needs more memory than Node's heap limit of 4 MB allows\. [^\n]*\n$/);
  assert.equal(existsSync(report), false);
});

test('the checks across files call back between them, and a callback that throws ends the run with its error', async () => {
  const cwd = path.join(REPO_ROOT, 'test/manifests/concurrency');
  const seen: string[] = [];
  const announced: number[] = [];
  const run = await lint({ paths: ['.'], cwd, presets: ['all'], context: [], onCheckpoint: (where, coming) => (seen.push(where), coming !== undefined && announced.push(coming)) });
  assert.ok(run.findings.some((finding) => finding.ruleId === 'dangling-service'), 'the fixtures have checks across files');
  // Announced first, with what the stage may add for the objects of the index: a large run holds growth back then.
  assert.equal(seen[0], 'before the checks across files');
  assert.deepEqual(announced, [run.objects * CROSS_OBJECT_BYTES_PER_OBJECT]);
  assert.ok(seen.includes('in the checks across files'));
  // Before each rule's check of the whole index, and as it reports: one check may report for every pair.
  assert.ok(seen.includes('in the checks across files (rule dangling-service)'), seen.join('\n'));
  assert.ok(seen.slice(1).every((where) => /^in the checks across files( \(rule [a-z-]+\))?$/.test(where)), seen.join('\n'));
  const stop = new ResourceError('stopped in the checks across files');
  await assert.rejects(lint({ paths: ['.'], cwd, presets: ['all'], context: [], onCheckpoint: () => { throw stop; } }), (error) => error === stop);
});

test("a stop inside one rule's check of the whole index ends the run, not just that rule", async () => {
  // 300 Services that select no pod of a complete input: dangling-service reports each, and the run checks as they come.
  const cwd = mkdtempSync(path.join(tmpdir(), 'kmlint-heap-'));
  const services = Array.from({ length: 300 }, (_, n) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${n}\nspec:\n  selector:\n    app: a${n}\n  ports:\n    - port: 80\n`);
  writeFileSync(path.join(cwd, 'services.yaml'), services.join('---\n'));
  const inRule: string[] = [];
  const run = await lint({ paths: ['.'], cwd, presets: ['all'], context: [], complete: true, onCheckpoint: (where) => where.endsWith('(rule dangling-service)') && inRule.push(where) });
  assert.equal(run.findings.filter((finding) => finding.ruleId === 'dangling-service').length, 300);
  assert.equal(inRule.length, 2, 'before the check, and after its 256th finding');
  // Thrown as the rule reports: not taken for the rule's internal error, with the run going on without it.
  const stop = new ResourceError('stopped in the checks across files (rule dangling-service)');
  let calls = 0;
  const stopInReport = (where: string): void => {
    if (where.endsWith('(rule dangling-service)') && ++calls === 2) throw stop;
  };
  await assert.rejects(lint({ paths: ['.'], cwd, presets: ['all'], context: [], complete: true, onCheckpoint: stopInReport }), (error) => error === stop);
});
