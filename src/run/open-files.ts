/**
 * The files whose cross-object checks have not run yet, by display name, until each closes. A large (spooled) run
 * has hundreds of thousands waiting, and most hold nothing of their own: their walk's findings are in the spool, no
 * suppression is in reach, no credential was found, no finding has arrived yet. Such a file is kept as one
 * number (its place among the run's sources and two flags) and the hash of its text as 32 bytes of a shared
 * buffer; it becomes the object the run works with when a finding arrives for it, or as it closes. The object,
 * its empty list of findings and its hash as a string took about 180 bytes a file.
 */
import type { Span } from '../redact/index.js';
import { NO_SUPPRESSIONS, type FileSuppression } from '../suppress/suppressor.js';
import type { ArrivalTarget } from './late-arrivals.js';
import type { Source } from './lint.js';

/** Where a file waiting for the checks across files found no credentials: one array for all of them. */
export const NO_SPANS: readonly Span[] = Object.freeze([]);

/** A file whose cross-object checks have not run yet: its findings and suppressions stay open. */
export interface OpenFile extends ArrivalTarget {
  /** With a spool: whether the walk gave it findings (they are in the spool). */
  walked: boolean;
  suppression: FileSuppression;
  /**
   * Kept only for inputs that cannot be read again (standard input, texts handed in): a file on disk is
   * read again when it closes, and only if findings arrived for it, so waiting files hold no text.
   */
  text: string | undefined;
  /**
   * The file on disk, with the hash of the text linted, so reading it again gives the same text or a note,
   * and where the walk found its credentials (when it looked), so its code frames need no second search.
   */
  again: Source | undefined;
  hash: string | undefined;
  spans: readonly Span[] | undefined;
}

/** Bytes of a content hash (SHA-256). */
const DIGEST = 32;
/** The flags of a packed file, below its place times `PLACE`. */
const WALKED = 1;
const LOOKED = 2;
const PLACE = 4;

export class OpenFiles {
  readonly #files = new Map<string, OpenFile | number>();
  /** The packed files' hashes, at their places among the sources; made with the first. */
  #digests: Buffer | undefined;

  constructor(
    private readonly sources: readonly Source[],
    /**
     * Whether files may be packed: in a spooled run, where a waiting file's list holds only what arrives later.
     * In a run held in memory it is the list of all the file's findings, which the run holds too.
     */
    private readonly pack: boolean,
  ) {}

  get size(): number {
    return this.#files.size;
  }

  /** Keeps the state of the file at `position` among the sources: packed, when it holds nothing of its own. */
  add(display: string, position: number, state: OpenFile): void {
    const digest = this.pack && packable(state) && this.sources[position] === state.again ? Buffer.from(state.hash!, 'base64url') : undefined;
    if (digest?.length !== DIGEST || digest.toString('base64url') !== state.hash) {
      this.#files.set(display, state);
      return;
    }
    (this.#digests ??= Buffer.alloc(DIGEST * this.sources.length)).set(digest, position * DIGEST);
    this.#files.set(display, position * PLACE + (state.walked ? WALKED : 0) + (state.spans ? LOOKED : 0));
  }

  /** The file's state, to add findings to: from here on kept as that object. */
  get(display: string): OpenFile | undefined {
    const known = this.#files.get(display);
    if (typeof known !== 'number') return known;
    const state = this.#unpacked(known);
    this.#files.set(display, state);
    return state;
  }

  /** Every file still open, in the order they were added. */
  *entries(): Generator<[string, OpenFile]> {
    for (const [display, known] of this.#files) yield [display, typeof known === 'number' ? this.#unpacked(known) : known];
  }

  delete(display: string): void {
    this.#files.delete(display);
  }

  #unpacked(packed: number): OpenFile {
    const position = Math.floor(packed / PLACE);
    return {
      findings: [], walked: (packed & WALKED) !== 0, suppression: NO_SUPPRESSIONS, later: undefined, arrived: undefined,
      again: this.sources[position],
      hash: this.#digests!.toString('base64url', position * DIGEST, (position + 1) * DIGEST),
      spans: (packed & LOOKED) !== 0 ? NO_SPANS : undefined,
      text: undefined,
    };
  }
}

/** Whether the state holds nothing but its place, its hash and its two flags. */
function packable(state: OpenFile): boolean {
  return state.findings.length === 0 && state.later === undefined && state.arrived === undefined && state.suppression === NO_SUPPRESSIONS
    && state.text === undefined && state.again !== undefined && state.hash !== undefined && (state.spans === undefined || state.spans === NO_SPANS);
}
