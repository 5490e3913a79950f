/**
 * Files waiting for the checks across files: one that holds nothing of its own waits packed, and comes back
 * as the same state it was added as (its source, its text's hash, its flags), once, when a finding arrives
 * for it or it closes; any other waits as it is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHash } from '../src/cache/key.js';
import type { Source } from '../src/run/lint.js';
import { NO_SPANS, OpenFiles, type OpenFile } from '../src/run/open-files.js';
import { NO_SUPPRESSIONS, type FileSuppression } from '../src/suppress/suppressor.js';

function source(display: string): Source {
  return { display, absolute: `/repo/${display}`, read: () => Promise.resolve({ text: '' }) } as unknown as Source;
}

function waiting(again: Source | undefined, changes: Partial<OpenFile> = {}): OpenFile {
  return {
    findings: [], walked: true, suppression: NO_SUPPRESSIONS, later: undefined, arrived: undefined,
    again, hash: again ? contentHash(`text of ${again.display}`) : undefined, spans: NO_SPANS, text: again ? undefined : 'kind: Pod\n', ...changes,
  };
}

test('a waiting file that holds nothing of its own comes back equal, and the same object once asked for', () => {
  const sources = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'].map(source);
  const files = new OpenFiles(sources, true);
  const states = [waiting(sources[0]), waiting(sources[1], { walked: false, spans: undefined }), waiting(sources[2]), waiting(sources[3], { walked: false })];
  for (const [position, state] of states.entries()) files.add(sources[position]!.display, position, state);
  assert.equal(files.size, 4);
  const asked = files.get('c.yaml');
  assert.deepEqual(asked, states[2]);
  assert.equal(files.get('c.yaml'), asked, 'findings added to it stay');
  assert.equal(files.get('e.yaml'), undefined);
  const entries = [...files.entries()];
  assert.deepEqual(entries.map(([display]) => display), ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
  assert.deepEqual(entries.map(([, state]) => state), states);
  assert.equal(entries[0]![1].again, sources[0], 'its own source, to read it again');
  assert.equal(entries[1]![1].spans, undefined, 'no search for credentials stays none');
  assert.equal(entries[2]![1], asked);
  files.delete('a.yaml');
  assert.deepEqual([...files.entries()].map(([display]) => display), ['b.yaml', 'c.yaml', 'd.yaml']);
});

test('a waiting file with anything of its own is kept as it is', () => {
  const sources = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'].map(source);
  // A file with suppressions in reach has a handle of its own.
  const suppression: FileSuppression = { mark: () => undefined, close: () => [], exemptionUsage: () => [] };
  const own = [
    waiting(sources[0], { findings: [{ ruleId: 'x' } as never] }),
    waiting(sources[1], { spans: [{ start: 3, end: 9 }] as never }),
    waiting(undefined),
    waiting(sources[3], { suppression }),
    waiting(sources[3]),
  ];
  const files = new OpenFiles(sources, true);
  for (const [position, state] of own.entries()) files.add(sources[position]!.display, position, state);
  // The last names another file's source at its place: kept as it is, with that source.
  for (const [position, state] of own.entries()) assert.equal(files.get(sources[position]!.display), state);
});

test('in a run held in memory no file is packed: its list is the one the run reports', () => {
  const sources = [source('a.yaml')];
  const files = new OpenFiles(sources, false);
  const state = waiting(sources[0]);
  files.add('a.yaml', 0, state);
  assert.equal(files.get('a.yaml'), state);
  assert.equal([...files.entries()][0]![1], state);
});
