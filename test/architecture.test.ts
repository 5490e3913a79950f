/**
 * Imports point one way: the run driver sits above every stage, findings are built below the engine and
 * the suppression stage, and no stage imports the driver or a front-end. Read from the sources' import
 * lines, so docs/architecture.md's picture cannot drift from the code unnoticed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './support/shared.js';

/** Lower layers first; a module may import its own layer and the layers before it. */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'errors.ts', 'version.ts', 'suggest.ts'],
  ['yaml'],
  ['k8s'],
  ['secrets', 'findings', 'redact'],
  ['engine'],
  ['rules', 'schema'],
  ['input', 'suppress'],
  ['run', 'cache', 'shard'],
  ['render'],
  ['formatters', 'config'],
  ['cli', 'cli.ts', 'action', 'index.ts', 'worker.ts', 'report-worker.ts'],
];

function layerOf(relative: string): number {
  const top = relative.split('/')[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(top));
  assert.notEqual(layer, -1, `src/${relative} is in no layer of this test: add its folder`);
  return layer;
}

test('every import of src/ points to its own layer or a lower one', () => {
  const src = path.join(REPO_ROOT, 'src');
  const violations: string[] = [];
  for (const file of readdirSync(src, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'))) {
    const relative = file.split(path.sep).join('/');
    const text = readFileSync(path.join(src, file), 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(relative), match[1] ?? match[2]!)).replace(/\.js$/, '.ts');
      if (layerOf(target) > layerOf(relative)) violations.push(`src/${relative} imports src/${target}`);
    }
  }
  assert.deepEqual(violations, []);
});
