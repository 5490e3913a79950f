/** Lines of the spool and the cache file, read back in chunks: characters split by a chunk come back whole. */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { linesOf } from '../src/run/read-lines.js';

const CHUNK = 1 << 20;

function linesOfText(text: string, position = 0): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kmlint-lines-')), 'lines.jsonl');
  writeFileSync(file, text);
  const fd = openSync(file, 'r');
  try {
    return [...linesOf(fd, position)];
  } finally {
    closeSync(fd);
  }
}

test('a multi-byte character cut by a chunk boundary is read whole, and the last line needs no newline', () => {
  // The euro sign's three bytes start one byte before the first chunk ends; the emoji's four straddle the second.
  const first = `${'a'.repeat(CHUNK - 1)}€ message`;
  const second = `${'b'.repeat(CHUNK - Buffer.byteLength(`${first}\n`) % CHUNK - 2)}😀 Pod "web"`;
  const lines = [first, second, 'ünïcödé', '{"finding":{"message":"日本語"}}'];
  assert.deepEqual(linesOfText(lines.join('\n')), lines);
  assert.deepEqual(linesOfText(`${lines.join('\n')}\n`), lines);
});

test('reading starts at the position given, as the cache reads its findings after the header', () => {
  assert.deepEqual(linesOfText('{"header":1}\nsecond\nthird\n', Buffer.byteLength('{"header":1}\n')), ['second', 'third']);
  assert.deepEqual(linesOfText(''), []);
});
