/** The committed dist/ is what npx, pre-commit and the Action run: it must be the build of today's src/. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildCli } from '../scripts/build.mjs';
import { REPO_ROOT } from './support/shared.js';

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((name) => !name.startsWith('action'))
    .sort();
}

test('dist/cli.js, dist/index.js and dist/chunks are the build of the current sources (run npm run build)', async () => {
  // Inside the repository, so the bundle's relative comments match the committed ones.
  const outdir = mkdtempSync(path.join(REPO_ROOT, 'node_modules', '.kmlint-dist-'));
  try {
    await buildCli(path.relative(REPO_ROOT, outdir));
    const committed = path.join(REPO_ROOT, 'dist');
    assert.deepEqual(filesOf(committed), filesOf(outdir), 'the same files (a removed chunk left behind, or one missing)');
    for (const name of filesOf(outdir)) {
      assert.ok(readFileSync(path.join(outdir, name)).equals(readFileSync(path.join(committed, name))), `dist/${name} is stale`);
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
