/**
 * One reading of a run's findings for several reports written side by side. Each reading of the CLI's
 * spool parses every finding again; reports written one after the other read it once each. Here every
 * report's first reading takes its findings from one reading of the spool, held in a bounded window: a
 * report that gets too far ahead of the others goes on with a reading of its own, and so does any further
 * reading a report makes (JUnit counts before it writes, GitHub reads once per level).
 */
import type { Finding } from '../types.js';

/** How far the first and the last report sharing the reading may be apart, in findings. */
export const SHARED_WINDOW = 8_192;

/** A report's findings: the spool's, its counts and grouping included, and where its shared reading is. */
export interface SharedFindings extends Iterable<Finding> {
  /** Findings read so far by its shared reading; undefined once that reading has ended or gone its own way. */
  readonly position: number | undefined;
  /** The report is written: it reads no more (one that stopped before reading holds the window no longer). */
  release(): void;
}

interface Cursor {
  at: number;
}

export class SharedReading {
  private readonly window: Finding[] = [];
  /** Position of `window[0]` in the findings. */
  private start = 0;
  private source: Iterator<Finding> | undefined;
  private ended = false;
  private readonly cursors = new Set<Cursor>();

  constructor(
    private readonly findings: Iterable<Finding>,
    private readonly limit = SHARED_WINDOW,
  ) {}

  /**
   * The findings for one report. Its first reading shares this one; later readings are its own. What the
   * spool answers without a reading (`remember`, `knownCounts`, `groupedByFile`) it still answers.
   */
  share(): SharedFindings {
    const reading = this;
    const own = this.findings as Partial<Record<'remember' | 'knownCounts' | 'groupedByFile', unknown>>;
    // Counted from now, at the start: what the report has yet to read stays in the window.
    const cursor: Cursor = { at: 0 };
    this.cursors.add(cursor);
    let readings = 0;
    const shared: SharedFindings & Record<string, unknown> = {
      get position() {
        return reading.cursors.has(cursor) ? cursor.at : undefined;
      },
      release() {
        reading.cursors.delete(cursor);
        reading.trim();
      },
      [Symbol.iterator]() {
        return readings++ === 0 ? reading.read(cursor) : reading.findings[Symbol.iterator]();
      },
    };
    for (const answer of ['remember', 'knownCounts'] as const) {
      const method = own[answer];
      if (typeof method === 'function') shared[answer] = method.bind(this.findings);
    }
    if ('groupedByFile' in own) Object.defineProperty(shared, 'groupedByFile', { get: () => own.groupedByFile });
    return shared;
  }

  private *read(cursor: Cursor): Generator<Finding> {
    try {
      for (;;) {
        const i = cursor.at - this.start;
        if (i < this.window.length) {
          cursor.at++;
          yield this.window[i]!;
          continue;
        }
        if (this.ended) return;
        this.trim();
        // The window is full and this reader is at its end: the others are behind it.
        if (this.window.length >= this.limit && this.cursors.size > 1) {
          // Too far ahead of the others: on with a reading of its own, from where it is.
          this.cursors.delete(cursor);
          yield* skipped(this.findings, cursor.at);
          return;
        }
        this.next();
      }
    } finally {
      this.cursors.delete(cursor);
      this.trim();
    }
  }

  private next(): void {
    this.source ??= this.findings[Symbol.iterator]();
    const next = this.source.next();
    if (next.done) this.ended = true;
    else this.window.push(next.value);
  }

  /** Drops what every reader has passed, in steps, so the window is not shifted for each finding. */
  private trim(): void {
    let lowest = this.start + this.window.length;
    for (const cursor of this.cursors) lowest = Math.min(lowest, cursor.at);
    const passed = lowest - this.start;
    if (passed >= 1_024 || (passed > 0 && passed === this.window.length)) {
      this.window.splice(0, passed);
      this.start = lowest;
    }
  }
}

/** The findings from position `from` on, in a reading of their own. */
function* skipped(findings: Iterable<Finding>, from: number): Generator<Finding> {
  let at = 0;
  for (const finding of findings) if (at++ >= from) yield finding;
}
