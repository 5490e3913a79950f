/**
 * Findings that the checks across files give files still open: past the first ones they wait on disk, and a
 * file gets them back, as it closes, in the order they arrived, whatever arrived for other files between.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LateArrivals, type ArrivalTarget } from '../src/run/late-arrivals.js';
import type { Finding } from '../src/types.js';

function finding(file: string, n: number): Finding {
  return {
    ruleId: 'late-test', level: 'warning', message: `${file} ${n}`, file,
    region: { startLine: n, startColumn: 1, endLine: n, endColumn: 2 }, path: ['metadata', 'name'], fingerprint: `${file}-${n}`,
  };
}

const target = (): ArrivalTarget => ({ findings: [], later: undefined, arrived: undefined });

test('late findings kept in memory, then on disk, come back to each file in the order they arrived', () => {
  const arrivals = new LateArrivals(3);
  try {
    const [a, b, quiet] = [target(), target(), target()];
    // Checks report in turns: a's and b's shares interleave, and the first three findings stay in memory.
    arrivals.add(a, [finding('a', 1), finding('a', 2)]);
    arrivals.add(b, [finding('b', 1)]);
    arrivals.add(a, [finding('a', 3)]);
    arrivals.add(b, [finding('b', 2), finding('b', 3)]);
    arrivals.add(a, [finding('a', 4)]);
    arrivals.add(a, [finding('a', 5), finding('a', 6)]);
    assert.deepEqual([a, b].map((item) => item.findings.length), [2, 1], 'what went to disk is not held');
    assert.equal(typeof a.arrived, 'number', 'a file keeps one slot, however many shares went to disk');
    assert.equal(arrivals.figures.records, 6);
    for (const item of [b, a, quiet]) arrivals.takeBack(item);
    assert.deepEqual(a.findings.map((item) => item.message), [1, 2, 3, 4, 5, 6].map((n) => `a ${n}`));
    assert.deepEqual(a.later?.map((item) => item.message), [1, 2, 3, 4, 5, 6].map((n) => `a ${n}`));
    assert.deepEqual(b.findings.map((item) => item.message), ['b 1', 'b 2', 'b 3']);
    assert.deepEqual([quiet.findings, quiet.later, quiet.arrived], [[], undefined, undefined]);
    assert.equal(a.arrived, undefined);
  } finally {
    arrivals.close();
  }
});
