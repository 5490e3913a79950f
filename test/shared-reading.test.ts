/**
 * Reports written side by side share one reading of the spooled findings: each still gets every finding in
 * order, however the reports move along, and the spool is read once while they keep together.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { countFindings } from '../src/findings/counts.js';
import { FORMATS } from '../src/formatters/index.js';
import { SharedReading } from '../src/run/shared-reading.js';
import { FindingSpool } from '../src/run/spool.js';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';

function finding(file: string, line: number, ruleId = 'latest-tag'): Finding {
  return {
    ruleId, level: 'warning', message: `${ruleId} at ${line}`, file, path: ['spec'], fingerprint: `${file}:${line}:${ruleId}`,
    region: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
  };
}

/** Findings that count how many times they are read from the start. */
function counted(items: readonly Finding[]): Iterable<Finding> & { readings: number } {
  return {
    readings: 0,
    *[Symbol.iterator]() {
      this.readings++;
      yield* items;
    },
  };
}

test('every reader gets every finding in order, whatever the interleaving, second readings and early stops included', () => {
  let seed = 7;
  const random = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * below);
  };
  for (let trial = 0; trial < 500; trial++) {
    const items = Array.from({ length: random(80) }, (_, i) => finding('a.yaml', i + 1));
    const reading = new SharedReading(items, 1 + random(12));
    const readers = Array.from({ length: 1 + random(6) }, () => {
      const findings = reading.share();
      return { findings, passes: 1 + random(2), stopAt: random(4) === 0 ? random(items.length + 1) : undefined, got: [] as number[][], iterator: undefined as Iterator<Finding> | undefined, done: false };
    });
    while (readers.some((reader) => !reader.done)) {
      const reader = readers[random(readers.length)]!;
      if (reader.done) continue;
      if (!reader.iterator) {
        reader.iterator = reader.findings[Symbol.iterator]();
        reader.got.push([]);
      }
      for (let step = 1 + random(6); step > 0; step--) {
        const got = reader.got.at(-1)!;
        // A report that stops early (SARIF's cut) stops reading; the write loop then releases it.
        if (reader.stopAt !== undefined && got.length === reader.stopAt) {
          reader.iterator.return?.();
          reader.findings.release();
          reader.done = true;
          break;
        }
        const next = reader.iterator.next();
        if (!next.done) {
          got.push(next.value.region.startLine);
          continue;
        }
        reader.iterator = reader.got.length < reader.passes ? reader.findings[Symbol.iterator]() : undefined;
        if (reader.iterator) reader.got.push([]);
        else {
          reader.findings.release();
          reader.done = true;
        }
        break;
      }
    }
    const lines = items.map((item) => item.region.startLine);
    for (const reader of readers) {
      for (const got of reader.got) assert.deepEqual(got, reader.stopAt === undefined ? lines : lines.slice(0, got.length), `trial ${trial}`);
    }
  }
});

test('readers that keep together read the findings once; one that runs ahead of the window reads on its own', () => {
  const items = Array.from({ length: 1_000 }, (_, i) => finding(`f${i % 10}.yaml`, i + 1));
  const together = counted(items);
  const reading = new SharedReading(together, 64);
  const [a, b, c] = [reading.share(), reading.share(), reading.share()];
  const iterators = [a, b, c].map((findings) => findings[Symbol.iterator]());
  const seen: Finding[][] = [[], [], []];
  for (let round = 0; round < 1_001; round++) {
    iterators.forEach((iterator, i) => {
      const next = iterator.next();
      if (!next.done) seen[i]!.push(next.value);
    });
  }
  assert.equal(together.readings, 1);
  for (const got of seen) assert.deepEqual(got, items);

  const apart = counted(items);
  const split = new SharedReading(apart, 64);
  const [ahead, behind] = [split.share(), split.share()];
  assert.equal([...ahead].length, items.length, 'the one ahead reads everything');
  assert.equal(ahead.position, undefined, 'it went its own way');
  assert.deepEqual([...behind], items);
  assert.equal(apart.readings, 2);
});

test('a share answers what the spool answers without a reading: its counts and whether findings come file by file', () => {
  const spool = new FindingSpool(0);
  try {
    spool.add('a.yaml', [finding('a.yaml', 1), finding('a.yaml', 2, 'no-resource-limits')]);
    spool.add('b.yaml', [finding('b.yaml', 3)]);
    const counts = countFindings(spool);
    const shared = new SharedReading(spool).share();
    assert.equal((shared as unknown as { groupedByFile: boolean }).groupedByFile, true);
    assert.deepEqual(countFindings(shared), counts);
    assert.equal(shared.position, 0, 'counting did not use up the report\'s reading');
  } finally {
    spool.close();
  }
});

test('reports written together through the spool equal each written alone, a baseline applied', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-together-'));
  const env = { KMLINT_SPOOL_FROM: '0' };
  // Known findings of one folder: the baseline marks them on every reading of the spool.
  const baseline = path.join(out, 'baseline.json');
  assert.equal(runCli(['--preset', 'all', '--no-context', 'test/manifests/dangling-service', '--write-baseline', baseline], { env }).status, 0);
  const args = ['--preset', 'all', '--no-context', '--no-color', '--baseline', baseline, 'test/manifests/dangling-service', 'test/manifests/suppressions', 'test/manifests/memory'];
  const together = runCli([...args, ...FORMATS.flatMap((format) => ['--format', `${format}=${path.join(out, `together.${format}`)}`])], { env });
  assert.equal(together.status, 1, together.stderr);
  for (const format of FORMATS) {
    const alone = runCli([...args, '--format', `${format}=${path.join(out, `alone.${format}`)}`], { env });
    assert.equal(alone.status, together.status, format);
    const written = readFileSync(path.join(out, `together.${format}`), 'utf8');
    assert.ok(written.length > 200, format);
    if (format === 'json') assert.match(written, /"source": "baseline"/);
    assert.equal(written, readFileSync(path.join(out, `alone.${format}`), 'utf8'), format);
  }
});

test('a report path that cannot be written stops the run before any report is written, with exit code 2', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-unwritable-'));
  writeFileSync(path.join(out, 'file'), '');
  const run = runCli(['--format', `json=${path.join(out, 'first.json')}`, '--format', `sarif=${path.join(out, 'file', 'inside.sarif')}`, 'examples/web.yaml']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^kmlint: cannot write the sarif report to .*inside\.sarif: ENOTDIR$/m);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
  // Every report file is opened before any is written: the first one is there, empty.
  assert.equal(readFileSync(path.join(out, 'first.json'), 'utf8'), '');
});
