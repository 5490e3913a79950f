/** Command-line paths → the files to lint: files, directories (recursive), globs and `-` for stdin. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Path as GlobPath } from 'glob';
import type { Ignore } from 'ignore';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

export interface Discovery {
  /** Absolute paths, in a stable order, without duplicates. */
  files: string[];
  /** True when `-` asked for standard input. */
  stdin: boolean;
  /** Paths that named nothing: a usage error. */
  missing: string[];
  /** One-line notes for stderr (e.g. unrendered Helm chart templates left out). */
  notes: string[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Extra ignore globs (from configuration), relative to cwd. */
  ignore?: readonly string[];
}

export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const { cwd } = options;
  // Files named one by one (a pre-commit hook, a single manifest) need neither glob nor ignore rules: load them lazily.
  const kinds = new Map(inputs.filter((input) => input !== '-').map((input) => [input, statKind(path.resolve(cwd, input))]));
  const needsWalk = [...kinds.values()].some((kind) => kind !== 'file');
  const { glob, hasMagic } = needsWalk ? await import('glob') : { glob: undefined, hasMagic: () => false };
  const ignorer = needsWalk ? (await loadIgnoreFiles(cwd)).add([...(options.ignore ?? [])]) : undefined;
  const found = new Set<string>();
  const result: Discovery = { files: [], stdin: false, missing: [], notes: [] };
  const isIgnored = (absolute: string): boolean => {
    if (!ignorer) return false;
    const relative = path.relative(cwd, absolute);
    // Paths outside the working directory are only ever named explicitly: never ignore them.
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return ignorer.ignores(relative.split(path.sep).join('/'));
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
    } else if (kind === 'directory' && glob) {
      for (const file of await walkDirectory(glob, absolute, cwd, isIgnored, result.notes)) found.add(file);
    } else if (kind === 'loop') {
      result.notes.push(`${input}: skipped, symbolic link loop`);
    } else if (glob && hasMagic(input, { windowsPathsNoEscape: false })) {
      const matches = await glob(input, { cwd, absolute: true, nodir: true, dot: false, ignore: ALWAYS_SKIPPED });
      const kept = matches.filter((file) => !isIgnored(file)).sort();
      if (kept.length === 0) result.missing.push(input);
      for (const file of kept) found.add(file);
    } else {
      result.missing.push(input);
    }
  }
  result.files = [...found];
  return result;
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

async function walkDirectory(glob: Glob, directory: string, cwd: string, isIgnored: (absolute: string) => boolean, notes: string[]): Promise<string[]> {
  const pattern = `**/*{${MANIFEST_EXTENSIONS.join(',')}}`;
  // Symbolic links to directories are not followed (as git does), so link loops cannot trap the walk.
  const matches = await glob([pattern, '**/Chart.yaml'], {
    cwd: directory,
    absolute: true,
    nodir: true,
    dot: true,
    follow: false,
    ignore: {
      ignored: (entry: GlobPath) => isIgnored(entry.fullpath()),
      childrenIgnored: (entry: GlobPath) => entry.name === '.git' || entry.name === 'node_modules' || isIgnored(entry.fullpath()),
    },
  });
  // Templates of a Helm chart are not YAML until rendered: leave them out, and say so once per chart.
  const charts = matches.filter((file) => path.basename(file) === 'Chart.yaml').map((file) => path.dirname(file));
  const chartTemplates = charts.map((chart) => path.join(chart, 'templates') + path.sep);
  for (const chart of charts) {
    if (existsSync(path.join(chart, 'templates'))) {
      notes.push(`${path.relative(cwd, chart) || '.'}: Helm chart templates skipped; lint the output of \`helm template\` instead`);
    }
  }
  return matches
    .filter((file) => MANIFEST_EXTENSIONS.includes(path.extname(file)))
    .filter((file) => !chartTemplates.some((prefix) => file.startsWith(prefix)))
    .sort();
}

async function loadIgnoreFiles(cwd: string): Promise<Ignore> {
  const ignorer = (await import('ignore')).default();
  for (const name of ['.gitignore', '.kmlintignore']) {
    try {
      ignorer.add(readFileSync(path.join(cwd, name), 'utf8'));
    } catch {
      // No such file: nothing to ignore.
    }
  }
  return ignorer;
}
