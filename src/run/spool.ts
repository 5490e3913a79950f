/**
 * The findings of a CLI run, kept out of memory: each file's findings are written as one JSON line to a
 * temporary file as soon as they are final, and read back, in file order, every time the reports or the
 * exit code go through them. A file's cross-object findings arrive after the walk and are merged into the
 * file's line on reading; once the lines are on disk, they go to a file of their own, a slot per file. Small
 * runs never touch the disk.
 */
import { writeSync } from 'node:fs';
import type { Finding } from '../types.js';
import { linesOf } from './read-lines.js';
import { TempFile } from './temp-file.js';
import { readSlot, Spill, type SpillPlaces } from './value-spill.js';
import { addCounts, countFindings, type Counts } from '../findings/counts.js';
import { baselineMatcher, type Baseline } from '../suppress/baseline.js';

/** Findings held in memory before the spool starts writing them out: a small run stays as fast as before. */
export const SPOOL_FROM = 20_000;

const SPOOL_FILE = 'findings.jsonl';
const LATE_FILE = 'late-findings.jsonl';

/**
 * A replay's findings up to this size (their JSON in the cache) are held as objects, which the reports read
 * faster than the spool's lines; a larger replay goes through the spool, as a run of its size would.
 */
export const REPLAY_HELD_BYTES = 64 << 20;

/** One file's line of the spool, with its findings' counts per level. */
export interface SpoolLine {
  file: string;
  counts: Counts;
  line: string;
}

/** A file's findings as the spool keeps them: a line of JSON, and their counts. */
export function spoolLine(file: string, findings: readonly Finding[]): SpoolLine {
  return { file, counts: countFindings(findings), line: `${JSON.stringify({ file, findings })}\n` };
}

/**
 * A view applied to every finding on every reading, with fresh state each time: `--quiet` keeps errors, a
 * baseline marks the findings it still covers. Data, not a function, so that a report thread applies it too.
 */
export type FindingView = { kind: 'errors-only' } | { kind: 'baseline'; baseline: Baseline; file: string };

/**
 * What a reading of the spool reads, as plain data: the report thread (`cli/report-thread.ts`) reads a copy
 * on its own, the lines from memory or from the spool's file.
 */
export interface SpoolParts {
  head: readonly Finding[];
  tail: readonly Finding[];
  late: ReadonlyMap<string, readonly Finding[]>;
  /** Late findings on disk: the file, and each file's slot in it. */
  lateOnDisk?: LateOnDisk;
  views: readonly FindingView[];
  /** The lines held in memory; empty once they went to the spool's file. */
  held: readonly string[];
  /** The spool's file, open until the reading is done (a descriptor serves every thread of the process). */
  fd?: number;
  /** What the spool knew without a reading. */
  groupedByFile: boolean;
  knownCounts?: Counts;
}

/** Late findings in their file, as plain data for any thread. */
export interface LateOnDisk {
  places: SpillPlaces;
  slots: ReadonlyMap<string, number>;
}

export class FindingSpool implements Iterable<Finding> {
  /** Findings of files the run did not lint (they come first, as in a run held in memory). */
  readonly head: Finding[] = [];
  /** Run-wide findings, after every file (config exemptions that matched nothing). */
  readonly tail: Finding[] = [];
  private readonly held: string[] = [];
  private heldFindings = 0;
  private readonly late = new Map<string, Finding[]>();
  private lateSpill: Spill<Finding[]> | undefined;
  private readonly lateSlots = new Map<string, number>();
  private readonly lateCounts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0 };
  private readonly views: FindingView[] = [];
  private temp: TempFile | undefined;

  /** The files of the lines, each once so far: then the lines come file by file. */
  private readonly files = new Set<string>();
  private filesRepeat = false;
  private remembered: { state: string; values: Map<string, unknown> } | undefined;
  /** Lines, late findings and views added: what a reading gives changed. */
  private changes = 0;
  /** The lines' findings per level, counted as they come. */
  private readonly lineCounts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0 };

  constructor(private readonly limit = SPOOL_FROM) {}

  /** A file's findings, sorted; a file still waiting for cross-object findings is added even without any. */
  add(file: string, findings: readonly Finding[]): void {
    this.addLine(spoolLine(file, findings));
  }

  /** A file's findings as `spoolLine` wrote them (in a worker thread: the main thread only passes the line on). */
  addLine({ file, counts, line }: SpoolLine): void {
    this.changes++;
    if (this.files.has(file)) this.filesRepeat = true;
    this.files.add(file);
    addCounts(this.lineCounts, counts);
    const count = counts.error + counts.warning + counts.note + counts.suppressed;
    if (this.temp === undefined && this.limit > 0 && this.heldFindings + count <= this.limit) {
      this.held.push(line);
      this.heldFindings += count;
      return;
    }
    writeSync((this.temp ?? this.open()).fd, line);
  }

  /** Whether the file's findings were added (its line may still get late findings). */
  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Findings that arrived for an added file after its walk, sorted: merged into its line when read. */
  addLate(file: string, findings: readonly Finding[]): void {
    this.changes++;
    if (findings.length === 0) return;
    addCounts(this.lateCounts, countFindings(findings));
    // With the lines on disk the run is large: held, they would stay through the reports, and be copied to
    // the report thread.
    if (this.temp === undefined) {
      this.late.set(file, [...findings]);
      return;
    }
    this.lateSpill ??= new Spill<Finding[]>(LATE_FILE, 0, 'json');
    this.lateSlots.set(file, this.lateSpill.store([...findings]));
  }

  /** Applies `view` to every finding read from now on. */
  view(view: FindingView): void {
    this.changes++;
    this.views.push(view);
  }

  /**
   * Whether every file's findings come together, which grouping them by file (`byFile` of the formatters)
   * would otherwise read the whole spool to find out: each line is one file, and the findings before and
   * after the lines (few) keep to files of their own, together. When unsure, false: the reader looks itself.
   */
  get groupedByFile(): boolean {
    if (this.filesRepeat) return false;
    const apart = (findings: readonly Finding[]): Set<string> | undefined => {
      const seen = new Set<string>();
      let current: string | undefined;
      for (const { file } of findings) {
        if (file === current) continue;
        if (seen.has(file) || this.files.has(file)) return undefined;
        seen.add(file);
        current = file;
      }
      return seen;
    };
    const head = apart(this.head);
    const tail = apart(this.tail);
    return head !== undefined && tail !== undefined && ![...head].some((file) => tail.has(file));
  }

  /**
   * `compute`'s result, computed from a reading of the spool, until what a reading gives changes (a file, a late
   * finding, a finding before or after the lines, a view): several reports count the same findings, and each
   * reading parses every finding again.
   */
  remember<T>(key: string, compute: () => T): T {
    const state = `${this.changes}:${this.head.length}:${this.tail.length}`;
    if (this.remembered?.state !== state) this.remembered = { state, values: new Map() };
    const values = this.remembered.values;
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  }

  /**
   * The counts a reading would give, without one: the lines' as they came, and those of the findings held in
   * memory. Undefined once a view (the baseline, `--quiet`) changes what a reading gives.
   */
  knownCounts(): Counts | undefined {
    if (this.views.length > 0) return undefined;
    const counts = { ...this.lineCounts };
    addCounts(counts, this.lateCounts);
    for (const findings of [this.head, this.tail]) addCounts(counts, countFindings(findings));
    return counts;
  }

  /** Each file's findings that arrived after its walk, as `addLate` gave them. */
  lateFindings(): [file: string, findings: Finding[]][] {
    return [...this.late, ...[...this.lateSlots.keys()].map((file): [string, Finding[]] => [file, this.lateSpill!.read(this.lateSlots.get(file)!)])];
  }

  /** Whether the findings went to disk (tests force it with a limit of 0). */
  get spooled(): boolean {
    return this.temp !== undefined;
  }

  *[Symbol.iterator](): Generator<Finding> {
    yield* readParts({ head: this.head, tail: this.tail, late: this.late, ...this.lateOnDisk(), views: this.views }, this.lines());
  }

  /** The spool as it stands, for a reading in another thread (the spool must stay open until it is done). */
  parts(): SpoolParts {
    const known = this.knownCounts();
    return {
      head: this.head, tail: this.tail, late: this.late, ...this.lateOnDisk(), views: this.views, held: this.held,
      ...(this.temp !== undefined ? { fd: this.temp.fd } : {}),
      groupedByFile: this.groupedByFile,
      ...(known ? { knownCounts: known } : {}),
    };
  }

  /** Whether a replay's findings of this size may be held in memory instead (never with a limit of 0, as tests set). */
  holdsReplay(bytes: number): boolean {
    return this.limit > 0 && bytes <= REPLAY_HELD_BYTES;
  }

  /** Forgets every line (a replay that found its cache damaged lints the files instead). */
  reset(): void {
    this.close();
    this.held.length = 0;
    this.heldFindings = 0;
    this.files.clear();
    this.filesRepeat = false;
    Object.assign(this.lineCounts, { error: 0, warning: 0, note: 0, suppressed: 0 });
    this.changes++;
  }

  /** Removes the temporary file; the spool cannot be read afterwards. */
  close(): void {
    this.temp?.close();
    this.temp = undefined;
    this.lateSpill?.close();
  }

  private lateOnDisk(): { lateOnDisk?: LateOnDisk } {
    const places = this.lateSpill?.places();
    return places ? { lateOnDisk: { places, slots: this.lateSlots } } : {};
  }

  private open(): TempFile {
    const temp = new TempFile(SPOOL_FILE);
    for (const line of this.held) writeSync(temp.fd, line);
    this.held.length = 0;
    this.temp = temp;
    return temp;
  }

  private *lines(): Generator<string> {
    if (this.temp === undefined) yield* this.held;
    else yield* linesOf(this.temp.fd);
  }
}

/**
 * A spool's copy read in another thread: the same findings, counts and grouping as the spool gives. Nothing
 * changes it, so what it computes from a reading it keeps.
 */
export class SpoolCopy implements Iterable<Finding> {
  private readonly remembered = new Map<string, unknown>();

  constructor(private readonly spool: SpoolParts) {}

  get groupedByFile(): boolean {
    return this.spool.groupedByFile;
  }

  knownCounts(): Counts | undefined {
    return this.spool.knownCounts;
  }

  remember<T>(key: string, compute: () => T): T {
    if (!this.remembered.has(key)) this.remembered.set(key, compute());
    return this.remembered.get(key) as T;
  }

  *[Symbol.iterator](): Generator<Finding> {
    const { fd, held } = this.spool;
    yield* readParts(this.spool, fd !== undefined ? linesOf(fd) : held);
  }
}

/** One reading: the findings before the lines, each line with its late findings merged in, those after; through the views. */
function* readParts(parts: Pick<SpoolParts, 'head' | 'tail' | 'late' | 'lateOnDisk' | 'views'>, lines: Iterable<string>): Generator<Finding> {
  const applied = parts.views.map(viewFunction);
  const shown = (finding: Finding): Finding | undefined => applied.reduce<Finding | undefined>((kept, apply) => (kept ? apply(kept) : undefined), finding);
  for (const finding of parts.head) {
    const kept = shown(finding);
    if (kept) yield kept;
  }
  for (const line of lines) {
    const { file, findings } = JSON.parse(line) as { file: string; findings: Finding[] };
    for (const finding of mergedFindings(findings, lateOf(parts, file))) {
      const kept = shown(finding);
      if (kept) yield kept;
    }
  }
  for (const finding of parts.tail) {
    const kept = shown(finding);
    if (kept) yield kept;
  }
}

/** A file's late findings, held or on disk. */
function lateOf(parts: Pick<SpoolParts, 'late' | 'lateOnDisk'>, file: string): readonly Finding[] {
  const held = parts.late.get(file);
  if (held) return held;
  const slot = parts.lateOnDisk?.slots.get(file);
  return slot === undefined ? [] : readSlot<Finding[]>(parts.lateOnDisk!.places, slot, 'json');
}

function viewFunction(view: FindingView): (finding: Finding) => Finding | undefined {
  if (view.kind === 'errors-only') return (finding) => (finding.level === 'error' ? finding : undefined);
  // Marks copies: findings held in memory (head, tail, late ones) are read again on every pass.
  const match = baselineMatcher(view.baseline, view.file);
  return (finding) => {
    const copy = { ...finding };
    return match(copy) ? copy : finding;
  };
}

/**
 * Two sorted lists as one, ties to the first: the same order a stable sort of the walk's findings followed
 * by the late ones gives, which is how a run held in memory orders a file.
 */
export function* mergedFindings(walk: readonly Finding[], late: readonly Finding[]): Generator<Finding> {
  let i = 0;
  let j = 0;
  while (i < walk.length || j < late.length) {
    if (j >= late.length || (i < walk.length && compareFindings(walk[i]!, late[j]!) <= 0)) yield walk[i++]!;
    else yield late[j++]!;
  }
}

/**
 * File order of findings: line, column, rule. Rule ids are lowercase kebab-case, where code-unit order is
 * alphabetical order; localeCompare would start ICU collation (milliseconds of a one-file run) and follow
 * the user's locale.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
