/** The shared data (corpus, schemas) sits beside the repository; a test that needs it fails loudly without it. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED, ...parts);
  assert.ok(existsSync(full), `shared data missing: ../shared/${parts.join('/')} (clone the shared folder beside the repository)`);
  return full;
}
