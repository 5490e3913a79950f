/**
 * Text a report makes before it may write it: GitHub's warnings and notices, which go after its errors, and
 * JUnit's test suites, which go after the totals that head them. Keeping it aside lets such a report take one
 * reading of the findings instead of one per part (each reading of a CLI run's spool parses every finding
 * again). Held in memory up to a bound, then in a temporary file, so a report of any size stays small.
 */
import { writeSync } from 'node:fs';
import { TempFile } from '../run/temp-file.js';

/** Characters held in memory before the text goes to a temporary file. */
export const SPILL_FROM = 4 << 20;
const WRITE_BATCH = 1 << 16;

export class Spill {
  private held: string[] = [];
  private heldLength = 0;
  private batch = '';
  private temp: TempFile | undefined;

  constructor(private readonly limit = SPILL_FROM) {}

  add(text: string): void {
    if (this.temp === undefined && this.heldLength + text.length <= this.limit) {
      this.held.push(text);
      this.heldLength += text.length;
      return;
    }
    if (this.temp === undefined) {
      this.temp = new TempFile('report-part');
      this.batch = this.held.join('');
      this.held = [];
    }
    this.batch += text;
    if (this.batch.length >= WRITE_BATCH) this.flush();
  }

  /** The text added, in order; the spill is empty and closed afterwards. */
  *text(): Generator<string> {
    try {
      if (this.temp === undefined) {
        yield* this.held;
        return;
      }
      this.flush();
      yield* this.temp.text();
    } finally {
      this.close();
    }
  }

  /** Lets go of the text (a report that stops early must close what it spilled). */
  close(): void {
    this.held = [];
    this.heldLength = 0;
    this.batch = '';
    this.temp?.close();
    this.temp = undefined;
  }

  private flush(): void {
    if (this.batch === '') return;
    writeSync(this.temp!.fd, this.batch);
    this.batch = '';
  }
}
