import type { Finding } from '../types.js';

export { countFindings, type Counts } from '../findings/counts.js';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function isActive(finding: Finding): boolean {
  return !finding.suppression;
}

/** The findings `keep` accepts, as they are read. */
export function* kept(findings: Iterable<Finding>, keep: (finding: Finding) => boolean): Generator<Finding> {
  for (const finding of findings) if (keep(finding)) yield finding;
}

/**
 * Findings that know they come file by file (the CLI's spool): grouping them needs no reading to find out,
 * and each reading of a spool parses every finding again.
 */
export interface FileGrouped {
  readonly groupedByFile: boolean;
}

/**
 * The findings `keep` accepts, grouped by file in the order files first appear. A run's findings come file by
 * file, so groups are yielded as they end and only one file's findings are held; findings whose files
 * interleave (possible in findings handed in) are grouped in memory instead.
 */
export function* byFile(findings: Iterable<Finding>, keep: (finding: Finding) => boolean = isActive): Generator<[string, Finding[]]> {
  if (!((findings as Partial<FileGrouped>).groupedByFile ?? fileByFile(findings, keep))) {
    const groups = new Map<string, Finding[]>();
    for (const finding of kept(findings, keep)) {
      const list = groups.get(finding.file) ?? [];
      list.push(finding);
      groups.set(finding.file, list);
    }
    yield* groups;
    return;
  }
  let group: Finding[] = [];
  for (const finding of kept(findings, keep)) {
    if (group.length > 0 && group[0]!.file !== finding.file) {
      yield [group[0]!.file, group];
      group = [];
    }
    group.push(finding);
  }
  if (group.length > 0) yield [group[0]!.file, group];
}

/**
 * Whether each file's kept findings are contiguous. When all findings are (a run's always are), so are the
 * kept ones: that is asked first, in a plain loop without the filter.
 */
function fileByFile(findings: Iterable<Finding>, keep: (finding: Finding) => boolean): boolean {
  return contiguous(findings) || contiguous(kept(findings, keep));
}

function contiguous(findings: Iterable<Finding>): boolean {
  const ended = new Set<string>();
  let current: string | undefined;
  for (const finding of findings) {
    if (finding.file === current) continue;
    if (ended.has(finding.file)) return false;
    if (current !== undefined) ended.add(current);
    current = finding.file;
  }
  return true;
}

/** `namespace/Kind/name`, the way kubectl users name an object; undefined for file-level findings. */
export function objectName(finding: Finding): string | undefined {
  const object = finding.object;
  if (!object?.kind) return undefined;
  return `${object.namespace ? `${object.namespace}/` : ''}${object.kind}/${object.name ?? '(unnamed)'}`;
}

/** The message with the Helm template it came from, for formats that have one text field. */
export function messageWithTemplate(finding: Finding): string {
  return finding.helmTemplate ? `${finding.message} (Helm template ${finding.helmTemplate})` : finding.message;
}

/** `compute` keeping its last answer: findings come file by file, so one file's value is asked for again and again. */
export function lastAnswer(compute: (file: string) => string): (file: string) => string {
  let last: { file: string; answer: string } | undefined;
  return (file) => {
    if (last?.file !== file) last = { file, answer: compute(file) };
    return last.answer;
  };
}

/** A source text's lines, as `split(/\r?\n/)` gives them; a split on a plain newline is several times faster. */
export function sourceLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
}
