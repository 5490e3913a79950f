/**
 * The texts code frames need, for a spooled run: a file on disk is read again (and masked) when its report
 * is written, instead of every file with findings being held until the end. Texts that cannot be read
 * again (standard input, texts handed in) are kept as before.
 */
import { contentHash } from '../cache/key.js';
import { readInputSync } from '../input/read.js';
import { maskSpans, spansFit } from '../redact/masker.js';
import { credentialSpans, type Span } from '../redact/spans.js';

/** Where the credentials were in the text linted, and its hash: masking the same text needs no second search. */
export interface KnownSpans {
  hash: string;
  spans: readonly Span[];
}

/** A file to read again: its path, and where its credentials were when it was linted, when known. */
export type OnDiskFile = [file: string, absolute: string, known?: KnownSpans];

export class SourceTexts {
  private readonly paths = new Map<string, { absolute: string; known?: KnownSpans }>();
  /** The last text read: a report asks for one file's text many times in a row. */
  private last: { file: string; text: string | undefined } | undefined;

  constructor(
    private readonly kept: ReadonlyMap<string, string>,
    private readonly maxBytes: number,
  ) {}

  /**
   * A file whose text is read again when a report asks for it. With `known`, a text with the same hash is
   * masked where the lint found credentials; a text that changed since is searched again.
   */
  onDisk(file: string, absolute: string, known?: KnownSpans): void {
    this.paths.set(file, known ? { absolute, known } : { absolute });
  }

  /** The files read again when asked for. */
  onDiskFiles(): OnDiskFile[] {
    return [...this.paths].map(([file, { absolute, known }]) => (known ? [file, absolute, known] : [file, absolute]));
  }

  get(file: string): string | undefined {
    const kept = this.kept.get(file);
    if (kept !== undefined) return kept;
    if (this.last?.file === file) return this.last.text;
    const onDisk = this.paths.get(file);
    if (onDisk === undefined) return undefined;
    this.last = { file, text: readMasked(onDisk.absolute, this.maxBytes, onDisk.known) };
    return this.last.text;
  }
}

/** The file as it is now, masked; undefined when it cannot be read (gone since it was linted: no code frames). */
function readMasked(absolute: string, maxBytes: number, known: KnownSpans | undefined): string | undefined {
  const outcome = readInputSync(absolute, maxBytes);
  if (!('text' in outcome)) return undefined;
  const { text } = outcome;
  return maskSpans(text, known && contentHash(text) === known.hash && spansFit(known.spans, text.length) ? known.spans : credentialSpans(text));
}

