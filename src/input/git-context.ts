/**
 * The manifests a git repository tracks: the context of a partial run (a pre-commit hook passes only the
 * changed files, yet a Service's pods may live in an unchanged file). Git is asked once; no git, no context.
 */
import path from 'node:path';
import { MANIFEST_EXTENSIONS } from './discover.js';
import { trackedFiles } from './git.js';

/** Tracked manifest files (absolute paths) of the repository holding `dir`, or [] outside a repository. */
export async function trackedManifests(dir: string): Promise<string[]> {
  const isManifest = (file: string) =>
    MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase()) &&
    // Raw Helm templates are not YAML until rendered.
    !/(^|[\\/])templates[\\/]/.test(file);
  return [...(trackedFiles(dir, { wholeRepository: true, keep: isManifest }) ?? [])].sort();
}
