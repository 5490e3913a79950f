/** What ships is built, not committed: dist/ holds only the Action bundle in git; the CLI and library are build output. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './support/shared.js';

test('git tracks no CLI or library bundle: npm install (prepare) and npm pack build them', () => {
  const tracked = spawnSync('git', ['ls-files', 'dist'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(tracked.status, 0, tracked.stderr);
  const files = tracked.stdout.split('\n').filter(Boolean);
  assert.deepEqual(files.filter((file) => !file.startsWith('dist/action/')), [], 'only dist/action/ is committed');
  assert.ok(files.includes('dist/action/index.js'), 'the Action bundle is committed (runners do not build)');
});

test('the built command can be run directly, as `npx kmlint` in a clone runs it', { skip: process.platform === 'win32' && 'no executable bit on Windows' }, () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  assert.notEqual(statSync(cli).mode & 0o111, 0, 'dist/cli.js is executable');
  const run = spawnSync(cli, ['--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /\d+\.\d+\.\d+/);
});
