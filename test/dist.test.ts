/** What ships is built, not committed: dist/ holds only the Action bundle in git; the CLI and library are build output. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { REPO_ROOT } from './support/shared.js';

test('git tracks no CLI or library bundle: npm install (prepare) and npm pack build them', () => {
  const tracked = spawnSync('git', ['ls-files', 'dist'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(tracked.status, 0, tracked.stderr);
  const files = tracked.stdout.split('\n').filter(Boolean);
  assert.deepEqual(files.filter((file) => !file.startsWith('dist/action/')), [], 'only dist/action/ is committed');
  assert.ok(files.includes('dist/action/index.js'), 'the Action bundle is committed (runners do not build)');
});
