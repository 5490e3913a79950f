/** Files git tracks under a folder: .gitignore hides untracked files only, as in git itself. */
import path from 'node:path';

/**
 * Absolute paths of the tracked files under cwd (of the whole repository holding cwd with `wholeRepository`),
 * or undefined outside a git work tree (or without git).
 */
export function trackedFiles(cwd: string, options: { wholeRepository?: boolean; keep?: (name: string) => boolean } = {}): Set<string> | undefined {
  // `:/` is git's pathspec for the top of the work tree: one process instead of asking for the top first.
  const args = ['ls-files', '-z', '--cached', ...(options.wholeRepository ? [':/'] : [])];
  // Loaded when asked for: a run with `--no-context` never starts git, and the module costs start-up time.
  const run = process.getBuiltinModule('node:child_process').spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  if (run.error || run.status !== 0) return undefined;
  // Names are filtered before they are resolved: resolving every file of a large repository costs more than git.
  const keep = options.keep ?? Boolean;
  return new Set(run.stdout.split('\0').filter((name) => name !== '' && keep(name)).map((file) => path.resolve(cwd, file)));
}

/** Every folder that holds a tracked file, so a walk does not prune it. */
export function trackedFolders(tracked: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of tracked) {
    for (let dir = path.dirname(file); !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  return folders;
}
