/** The CLI holds V8's heap growth back only for runs that are large, or about to load something large. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CHECK_INTERVAL_MS, COLLECT_BEFORE_REPORTS, collectBeforeReports, GROWTH_STEPS, heapGrowthLimiter, LARGE_MEMORY } from '../src/cli/heap-growth.js';

const ONE_STEP = [{ from: LARGE_MEMORY, percent: 50 }];

test('a small process is left alone; a cache about to be loaded that makes it large turns the limit on, once and for good', () => {
  const limit = heapGrowthLimiter();
  assert.ok(process.memoryUsage.rss() < LARGE_MEMORY, 'the test process itself is small');
  assert.equal(limit(), false);
  assert.equal(limit(64 << 20), false);
  assert.equal(limit(LARGE_MEMORY), true);
  assert.equal(limit(), true);
});

test('the size of the process is read at most once per interval, except for a load about to come', () => {
  let reads = 0;
  let clock = 0;
  let rss = 100 << 20;
  let collections = 0;
  const collect = (): void => void collections++;
  const limit = heapGrowthLimiter(ONE_STEP, { rss: () => (reads++, rss), now: () => clock }, collect);
  for (let file = 0; file < 1000; file++) assert.equal(limit(), false);
  assert.equal(reads, 1, 'a thousand files in no time: one read');
  rss = LARGE_MEMORY;
  assert.equal(limit(), false, 'grown since, but not looked at yet');
  clock += CHECK_INTERVAL_MS;
  assert.equal(collections, 0, 'nothing collected while the process is small');
  assert.equal(limit(), true, 'looked at again once the interval has passed');
  assert.equal(collections, 1, 'collected as the limit turns on, so that it holds from there');
  assert.equal(reads, 2);
  assert.equal(limit(), true);
  assert.equal(reads, 2, 'once on, it stays on without reading');
  assert.equal(collections, 1, 'and without collecting again');

  const loading = heapGrowthLimiter(ONE_STEP, { rss: () => (reads++, 100 << 20), now: () => clock }, collect);
  assert.equal(loading(), false);
  assert.equal(loading(LARGE_MEMORY), true, 'a load about to come is looked at at once');
});

test('a process that grows past the next step is held back again, collected once more, and then no longer read', () => {
  assert.ok(GROWTH_STEPS.length >= 2 && GROWTH_STEPS.every((step, index) => index === 0 || (step.from > GROWTH_STEPS[index - 1]!.from && step.percent < GROWTH_STEPS[index - 1]!.percent)), 'each step larger and tighter');
  let reads = 0;
  let clock = 0;
  let rss = GROWTH_STEPS[0]!.from;
  let collections = 0;
  const limit = heapGrowthLimiter(GROWTH_STEPS, { rss: () => (reads++, rss), now: () => clock }, () => void collections++);
  assert.equal(limit(), true);
  assert.equal(collections, 1, 'the first step');
  clock += CHECK_INTERVAL_MS;
  assert.equal(limit(), true, 'still on, below the next step');
  assert.equal(collections, 1, 'nothing more to do there');
  rss = GROWTH_STEPS.at(-1)!.from;
  clock += CHECK_INTERVAL_MS;
  assert.equal(limit(), true);
  assert.equal(collections, 2, 'the last step: collected again, so the tighter growth holds from here');
  const readsAtLastStep = reads;
  clock += 10 * CHECK_INTERVAL_MS;
  assert.equal(limit(), true);
  assert.equal(reads, readsAtLastStep, 'past the last step nothing is read any more');
});

test('the V8 flag it sets is one this Node knows: no complaint, and the process collects and runs on', () => {
  // In a process of its own: the flag is process-wide. V8 prints "unrecognized flag" and goes on for a flag it does not know.
  const script = `
    import { heapGrowthLimiter } from ${JSON.stringify(new URL('../src/cli/heap-growth.ts', import.meta.url).href)};
    if (!heapGrowthLimiter([{ from: 0, percent: 20 }])()) process.exit(3);
    let kept = [];
    for (let round = 0; round < 40; round++) kept = Array.from({ length: 200000 }, (_, i) => ({ i, text: 'x' + i }));
    process.stdout.write(String(kept.length));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '200000');
  assert.doesNotMatch(run.stderr, /unrecognized flag/);
});

test('the lint\'s garbage is collected before the reports of a large process only', () => {
  let collections = 0;
  const collect = (): void => void collections++;
  assert.equal(collectBeforeReports({ rss: () => 100 << 20 }, collect), false);
  assert.equal(collections, 0, 'a small run pays nothing');
  assert.equal(collectBeforeReports({ rss: () => COLLECT_BEFORE_REPORTS }, collect), true);
  assert.equal(collections, 1);
  // The real collection, in this process: it runs and returns.
  assert.equal(collectBeforeReports({ rss: () => COLLECT_BEFORE_REPORTS }), true);
});
