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

/**
 * Where a file is: its absolute path, or the run's source of it, which a run keeps anyway (a file on disk
 * works its path out when asked). A path of its own per file with findings, with the two objects beside it,
 * was about 600 bytes, most of it the pieces path.resolve joined.
 */
type WhereOnDisk = string | { readonly absolute?: string | undefined };

const NO_SPANS: readonly Span[] = Object.freeze([]);

/** A file with what its lint knew of it, one object rather than two. */
class KnownOnDisk implements KnownSpans {
  readonly spans: readonly Span[];

  constructor(
    readonly where: WhereOnDisk,
    readonly hash: string,
    spans: readonly Span[],
  ) {
    this.spans = spans.length > 0 ? spans : NO_SPANS;
  }
}

export class SourceTexts {
  private readonly paths = new Map<string, WhereOnDisk | KnownOnDisk>();
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
  onDisk(file: string, where: WhereOnDisk, known?: KnownSpans): void {
    this.paths.set(file, known ? new KnownOnDisk(where, known.hash, known.spans) : where);
  }

  /** The files read again when asked for. */
  onDiskFiles(): OnDiskFile[] {
    const files: OnDiskFile[] = [];
    for (const [file, entry] of this.paths) {
      const [absolute, known] = unpack(entry);
      // A copy of what is known: the entry holds the run's source, which does not cross to another thread.
      if (absolute !== undefined) files.push(known ? [file, absolute, { hash: known.hash, spans: known.spans }] : [file, absolute]);
    }
    return files;
  }

  get(file: string): string | undefined {
    const kept = this.kept.get(file);
    if (kept !== undefined) return kept;
    if (this.last?.file === file) return this.last.text;
    const entry = this.paths.get(file);
    if (entry === undefined) return undefined;
    const [absolute, known] = unpack(entry);
    this.last = { file, text: absolute === undefined ? undefined : readMasked(absolute, this.maxBytes, known) };
    return this.last.text;
  }
}

function unpack(entry: WhereOnDisk | KnownOnDisk): [absolute: string | undefined, known: KnownSpans | undefined] {
  if (entry instanceof KnownOnDisk) return [absoluteOf(entry.where), entry];
  return [absoluteOf(entry), undefined];
}

function absoluteOf(where: WhereOnDisk): string | undefined {
  return typeof where === 'string' ? where : where.absolute;
}

/** The file as it is now, masked; undefined when it cannot be read (gone since it was linted: no code frames). */
function readMasked(absolute: string, maxBytes: number, known: KnownSpans | undefined): string | undefined {
  const outcome = readInputSync(absolute, maxBytes);
  if (!('text' in outcome)) return undefined;
  const { text } = outcome;
  return maskSpans(text, known && contentHash(text) === known.hash && spansFit(known.spans, text.length) ? known.spans : credentialSpans(text));
}

