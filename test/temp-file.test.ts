/** The run's temporary files leave nothing behind, however the process ends. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { TempFile } from '../src/run/temp-file.js';

const WINDOWS = process.platform === 'win32';

test('a temporary file is read and written through its descriptor, and closing it removes its folder', () => {
  const before = new Set(readdirSync(tmpdir()));
  const temp = new TempFile('findings.jsonl');
  writeSync(temp.fd, 'one\n');
  writeSync(temp.fd, 'two\n');
  assert.equal([...temp.text()].join(''), 'one\ntwo\n');
  const left = readdirSync(tmpdir()).filter((name) => !before.has(name) && name.startsWith('kmlint-'));
  // Elsewhere than on Windows the folder is gone while the file is still open.
  assert.equal(left.length, WINDOWS ? 1 : 0);
  temp.close();
  assert.deepEqual(readdirSync(tmpdir()).filter((name) => !before.has(name) && name.startsWith('kmlint-')), []);
});

test('a process that aborts while its temporary file is open leaves no folder behind', { skip: WINDOWS && 'Windows keeps an open file\'s folder' }, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kmlint-abort-'));
  // As V8's out-of-memory error does: the process ends on a signal and runs no exit handler.
  const script = `
    import { writeSync } from 'node:fs';
    import { TempFile } from ${JSON.stringify(new URL('../src/run/temp-file.ts', import.meta.url).href)};
    const temp = new TempFile('index-values.bin');
    writeSync(temp.fd, 'x'.repeat(1 << 20));
    process.abort();
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: folder, TEMP: folder, TMP: folder }, encoding: 'utf8' });
  assert.equal(run.signal, 'SIGABRT', run.stderr);
  // tsx keeps its own cache there.
  assert.deepEqual(readdirSync(folder).filter((name) => name.startsWith('kmlint-')), []);
});
