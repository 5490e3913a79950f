/** Command-line paths → the files to lint: files, directories (recursive), globs and `-` for stdin. */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Path as GlobPath } from 'glob';
import type { Ignore } from 'ignore';
import type { FileDecision } from '../types.js';
import { trackedFiles, trackedFolders } from './git.js';
import { partialFiles } from './partials.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

export interface Discovery {
  /** Absolute paths, sorted, without duplicates: the same files give the same report whatever the argument order. */
  files: string[];
  /** Files named one by one on the command line: linted and reported whatever their content. */
  explicit: Set<string>;
  /** Walked files holding partial objects by design (patches, test assertions): not linted. */
  partial: Map<string, FileDecision>;
  /** True when `-` asked for standard input. */
  stdin: boolean;
  /** Paths that named nothing to lint, each with the reason: a usage error. */
  missing: string[];
  /** One-line notes for stderr (e.g. unrendered Helm chart templates left out). */
  notes: string[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Extra ignore globs (from configuration), relative to cwd. */
  ignore?: readonly string[];
}

type IgnoreCheck = (absolute: string, directory?: boolean) => string | undefined;

export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const { cwd } = options;
  // Files named one by one (a pre-commit hook, a single manifest) need neither glob nor ignore rules: load them lazily.
  const kinds = new Map(inputs.filter((input) => input !== '-').map((input) => [input, statKind(path.resolve(cwd, input))]));
  const needsWalk = [...kinds.values()].some((kind) => kind !== 'file');
  const { glob, hasMagic } = needsWalk ? await import('glob') : { glob: undefined, hasMagic: () => false };
  const ignoredBy = needsWalk ? await ignoreChecker(cwd, options.ignore ?? []) : () => undefined;
  const found = new Set<string>();
  const walked = new Set<string>();
  const result: Discovery = { files: [], explicit: new Set(), partial: new Map(), stdin: false, missing: [], notes: [] };
  const removed = new Map<string, number>();
  const track: IgnoreCheck = (absolute, directory) => {
    const rule = ignoredBy(absolute, directory);
    if (rule && (directory || MANIFEST_EXTENSIONS.includes(path.extname(absolute)))) removed.set(rule, (removed.get(rule) ?? 0) + 1);
    return rule;
  };

  for (const input of inputs) {
    if (input === '-') {
      result.stdin = true;
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const kind = kinds.get(input)!;
    if (kind === 'file') {
      // A file named on the command line is linted whatever its extension or ignore rules.
      found.add(absolute);
      result.explicit.add(absolute);
    } else if (kind === 'directory' && glob) {
      // A folder named on the command line is walked even when an ignore rule names it or a parent.
      const check: IgnoreCheck = ignoredBy(absolute, true) ? () => undefined : track;
      const files = await walkDirectory(glob, absolute, cwd, check, result.notes);
      if (files.length === 0) result.missing.push(`${input}: no .yaml, .yml or .json file to lint in it${countNote(removed)}`);
      for (const file of files) found.add(file), walked.add(file);
    } else if (kind === 'loop') {
      result.notes.push(`${input}: skipped, symbolic link loop`);
    } else if (glob && hasMagic(input, { windowsPathsNoEscape: false })) {
      const matches = await glob(input, { cwd, absolute: true, nodir: true, dot: false, ignore: ALWAYS_SKIPPED });
      const kept = matches.filter((file) => !track(file));
      if (matches.length === 0) result.missing.push(`${input}: no file matches`);
      else if (kept.length === 0) result.missing.push(`${input}: every match is ignored${countNote(removed)}`);
      for (const file of kept) found.add(file), walked.add(file);
    } else {
      result.missing.push(`${input}: no such file or directory`);
    }
  }
  result.files = [...found].sort();
  result.partial = partialFiles([...walked].filter((file) => !result.explicit.has(file)).sort());
  for (const file of result.explicit) result.partial.delete(file);
  if (removed.size > 0 && result.missing.length === 0) result.notes.push(`ignore rules left out${countNote(removed).replace(/^ \(/, ' ').replace(/\)$/, '')}`);
  // glob's tree of the folders it walked (an object per path, about 1 KB a file with the ignore rules' cache)
  // stays reachable from its last callbacks until the event loop turns; the lint, which reads files
  // synchronously, would otherwise keep it to the end of the run.
  if (glob) await new Promise((resolve) => setImmediate(resolve));
  return result;
}

/** " (3 by .gitignore `build/`, 1 by .kmlintignore `*.tmp.yaml`)", or "" when nothing was left out. */
function countNote(removed: ReadonlyMap<string, number>): string {
  if (removed.size === 0) return '';
  const parts = [...removed].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${count} path${count === 1 ? '' : 's'} by ${rule}`);
  return ` (${parts.join(', ')})`;
}

type StatKind = 'file' | 'directory' | 'loop' | 'missing';

function statKind(absolute: string): StatKind {
  try {
    const stat = statSync(absolute);
    return stat.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'missing';
  }
}

type Glob = typeof import('glob').glob;

async function walkDirectory(glob: Glob, directory: string, cwd: string, ignoredBy: IgnoreCheck, notes: string[]): Promise<string[]> {
  const pattern = `**/*{${MANIFEST_EXTENSIONS.join(',')}}`;
  const unreadable = (entry: GlobPath): boolean => {
    try {
      accessSync(entry.fullpath(), constants.R_OK | constants.X_OK);
      return false;
    } catch {
      notes.push(`${path.relative(cwd, entry.fullpath()) || '.'}: folder skipped, unreadable (permission denied)`);
      return true;
    }
  };
  // Symbolic links to directories are not followed (as git does), so link loops cannot trap the walk.
  const matches = await glob([pattern, '**/Chart.yaml'], {
    cwd: directory,
    absolute: true,
    nodir: true,
    dot: true,
    follow: false,
    ignore: {
      ignored: (entry: GlobPath) => ignoredBy(entry.fullpath()) !== undefined,
      childrenIgnored: (entry: GlobPath) =>
        entry.name === '.git' || entry.name === 'node_modules' || ignoredBy(entry.fullpath(), true) !== undefined || unreadable(entry),
    },
  });
  // Templates of a Helm chart are not YAML until rendered: leave them out, and say so once per chart.
  const charts = matches.filter((file) => path.basename(file) === 'Chart.yaml').map((file) => path.dirname(file));
  const chartTemplates = charts.map((chart) => path.join(chart, 'templates') + path.sep);
  for (const chart of charts.sort()) {
    if (existsSync(path.join(chart, 'templates'))) {
      notes.push(`${path.relative(cwd, chart) || '.'}: Helm chart templates skipped; lint the output of \`helm template\` instead`);
    }
  }
  return matches
    .filter((file) => MANIFEST_EXTENSIONS.includes(path.extname(file)))
    .filter((file) => !chartTemplates.some((prefix) => file.startsWith(prefix)))
    .sort();
}

/**
 * The rule that removes a path, named as "<file> `<pattern>`", or undefined. `.gitignore` hides only
 * what git does not track; `.kmlintignore` and configured globs hide anything.
 */
/** The rule that leaves a path out (`.kmlintignore`, configuration, `.gitignore` for untracked paths), or undefined. */
export async function ignoreChecker(cwd: string, extra: readonly string[]): Promise<(absolute: string, directory?: boolean) => string | undefined> {
  const create = (await import('ignore')).default;
  const load = (name: string): Ignore => {
    try {
      return create().add(readFileSync(path.join(cwd, name), 'utf8'));
    } catch {
      return create(); // No such file: nothing to ignore.
    }
  };
  const git = load('.gitignore');
  const own = load('.kmlintignore').add([...extra]);
  let tracked: { files: Set<string>; folders: Set<string> } | undefined | null = null;
  const trackedSets = () => {
    if (tracked === null) {
      const files = trackedFiles(cwd);
      tracked = files && { files, folders: trackedFolders(files) };
    }
    return tracked;
  };
  return (absolute, directory = false) => {
    const relative = path.relative(cwd, absolute);
    // Paths outside the working directory are only ever named explicitly: never ignore them.
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const name = relative.split(path.sep).join('/') + (directory ? '/' : '');
    const mine = own.test(name);
    if (mine.ignored) return `.kmlintignore or configuration \`${mine.rule?.pattern ?? name}\``;
    const theirs = git.test(name);
    if (!theirs.ignored) return undefined;
    const sets = trackedSets();
    if (sets && (directory ? sets.folders.has(absolute) : sets.files.has(absolute))) return undefined;
    return `.gitignore \`${theirs.rule?.pattern ?? name}\``;
  };
}
