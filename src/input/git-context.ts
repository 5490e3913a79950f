/**
 * The manifests a git repository tracks: the context of a partial run (a pre-commit hook passes only the
 * changed files, yet a Service's pods may live in an unchanged file). Git is asked once; no git, no context.
 */
import path from 'node:path';
import { MANIFEST_EXTENSIONS } from './discover.js';
import { trackedFiles } from './git.js';

/** Why a path is left out of walks (.kmlintignore, configuration, .gitignore), or undefined. */
type IgnoreCheck = (absolute: string, directory?: boolean) => string | undefined;

/**
 * Tracked manifest files (absolute paths, sorted) of the repository holding `dir`, less what `ignoreCheck`
 * (made only when there is a file to check) leaves out; [] outside a repository.
 */
export async function trackedManifests(dir: string, ignoreCheck: () => Promise<IgnoreCheck>): Promise<string[]> {
  const isManifest = (file: string) =>
    MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase()) &&
    // Raw Helm templates are not YAML until rendered.
    !/(^|[\\/])templates[\\/]/.test(file);
  const tracked = [...(trackedFiles(dir, { wholeRepository: true, keep: isManifest }) ?? [])].sort();
  if (tracked.length === 0) return [];
  const ignoredBy = await ignoreCheck();
  // Each folder is asked once, and files only in folders left in: nothing inside an ignored folder can be
  // taken back (as in .gitignore), and a folder of test fixtures may hold thousands of files.
  const open = new Map<string, boolean>();
  return tracked.filter((file) => {
    const folder = path.dirname(file);
    let kept = open.get(folder);
    if (kept === undefined) open.set(folder, (kept = !ignoredBy(folder, true)));
    return kept && !ignoredBy(file);
  });
}
