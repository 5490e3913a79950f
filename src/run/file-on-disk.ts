/**
 * An input file on disk, as a run's source. A run keeps every source to its end, and a large one has hundreds
 * of thousands: as a plain object with a closure reading the file, with its absolute path beside its display
 * name, a source cost about 250 bytes. This one is a single object, and keeps its absolute path only when the
 * display name does not give it back.
 */
import path from 'node:path';
import type { FileDecision } from '../types.js';
import { displayPath } from '../input/display-path.js';
import { readInputSync, type ReadOutcome } from '../input/read.js';
import type { Source } from './lint.js';

/** What the files of one run share: their folder, and how much of a file is read. */
export interface DiskReading {
  readonly cwd: string;
  readonly maxBytes: number;
}

export class FileOnDisk implements Source {
  readonly display: string;
  readonly #reading: DiskReading;
  /** Only when resolving the display name in the run's folder does not give the path back. */
  readonly #absolute: string | undefined;
  declare partial?: FileDecision;

  constructor(
    file: string,
    reading: DiskReading,
    readonly explicit: boolean,
  ) {
    this.display = displayPath(reading.cwd, file);
    this.#reading = reading;
    this.#absolute = path.resolve(reading.cwd, this.display) === file ? undefined : file;
  }

  get absolute(): string {
    return this.#absolute ?? path.resolve(this.#reading.cwd, this.display);
  }

  async read(): Promise<ReadOutcome> {
    return readInputSync(this.absolute, this.#reading.maxBytes);
  }
}
