/**
 * The texts code frames need, for a spooled run: a file on disk is read again (and masked) when its report
 * is written, instead of every file with findings being held until the end. Texts that cannot be read
 * again (standard input, texts handed in) are kept as before.
 */
import { readFileSync } from 'node:fs';
import { maskedText } from '../cache/run-cache.js';
import { decode } from '../input/read.js';

export class SourceTexts {
  private readonly paths = new Map<string, string>();
  /** The last text read: a report asks for one file's text many times in a row. */
  private last: { file: string; text: string | undefined } | undefined;

  constructor(
    private readonly kept: ReadonlyMap<string, string>,
    private readonly maxBytes: number,
  ) {}

  /** A file whose text is read again when a report asks for it. */
  onDisk(file: string, absolute: string): void {
    this.paths.set(file, absolute);
  }

  get(file: string): string | undefined {
    const kept = this.kept.get(file);
    if (kept !== undefined) return kept;
    if (this.last?.file === file) return this.last.text;
    const absolute = this.paths.get(file);
    if (absolute === undefined) return undefined;
    this.last = { file, text: readMasked(absolute, this.maxBytes) };
    return this.last.text;
  }
}

function readMasked(absolute: string, maxBytes: number): string | undefined {
  try {
    const outcome = decode(readFileSync(absolute), maxBytes);
    return 'text' in outcome ? maskedText(outcome.text) : undefined;
  } catch {
    // Gone since it was linted: its findings are reported without code frames.
    return undefined;
  }
}
