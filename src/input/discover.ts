/** Command-line paths → the files to lint: files, directories (recursive), globs and `-` for stdin. */
import { accessSync, constants, type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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
  // Only a path that names nothing may be a glob pattern.
  const { glob, hasMagic } = [...kinds.values()].includes('missing') ? await import('glob') : { glob: undefined, hasMagic: () => false };
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
    } else if (kind === 'directory') {
      // A folder named on the command line is walked even when an ignore rule names it or a parent.
      const check: IgnoreCheck = ignoredBy(absolute, true) ? () => undefined : track;
      const files = walkDirectory(absolute, cwd, check, result.notes);
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
  // glob's tree of the folders it matched stays reachable from its last callbacks until the event loop turns;
  // the lint, which reads files synchronously, would otherwise keep it to the end of the run.
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

/**
 * Every manifest under a folder, and the charts' `Chart.yaml`, one folder at a time: a walk keeps only the
 * paths it found (glob kept an object for every path it saw, about 3.5 KB a file while the walk lasted).
 * Symbolic links to folders are not followed (as git does), so link loops cannot trap the walk; links to
 * anything else are kept for the reader to report what they name.
 */
function walkDirectory(directory: string, cwd: string, ignoredBy: IgnoreCheck, notes: string[]): string[] {
  const matches: string[] = [];
  const charts: string[] = [];
  const skipUnreadable = (folder: string, reason: string): void => {
    notes.push(`${path.relative(cwd, folder) || '.'}: folder skipped, unreadable (${reason})`);
  };
  const folders = [directory];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      skipUnreadable(folder, (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (isFolder(entry, full)) {
        if (entry.isSymbolicLink() || entry.name === '.git' || entry.name === 'node_modules' || ignoredBy(full, true) !== undefined) continue;
        if (readable(full)) folders.push(full);
        else skipUnreadable(full, 'permission denied');
      } else if (MANIFEST_EXTENSIONS.includes(path.extname(entry.name)) && ignoredBy(full) === undefined) {
        matches.push(full);
        if (entry.name === 'Chart.yaml') charts.push(folder);
      }
    }
  }
  // Templates of a Helm chart are not YAML until rendered: leave them out, and say so once per chart.
  const chartTemplates = charts.map((chart) => path.join(chart, 'templates') + path.sep);
  for (const chart of charts.sort()) {
    if (existsSync(path.join(chart, 'templates'))) {
      notes.push(`${path.relative(cwd, chart) || '.'}: Helm chart templates skipped; lint the output of \`helm template\` instead`);
    }
  }
  return matches.filter((file) => !chartTemplates.some((prefix) => file.startsWith(prefix))).sort();
}

/** A folder, or a symbolic link to one (which the walk leaves, as git does). */
function isFolder(entry: Dirent, full: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isDirectory();
  } catch {
    return false; // A broken link or a loop: the reader reports it.
  }
}

function readable(folder: string): boolean {
  try {
    accessSync(folder, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
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
