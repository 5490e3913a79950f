/**
 * The cache's part in a run: the key of everything a file's result depends on besides its text, the
 * digest of a run's inputs, and the replay of the last run when none of its inputs changed.
 *
 * Why two levels: a file's own findings depend only on its text and the key, so any unchanged file is
 * served from its entry. Findings of cross-object checks depend on every object of the run, and the checks
 * are closures that exist only while a file is linted: a file that registered such checks is linted again
 * in any run where something changed, while the whole run is replayed from its snapshot when nothing did.
 */
import { isUtf8 } from 'node:buffer';
import { decode, readBytesSync, readInputSync, type ReadOutcome } from '../input/read.js';
import { MAX_ALIASES, MAX_NODES } from '../yaml/budget.js';
import { credentialSpans, maskSpans } from '../redact/index.js';
import type { Source } from '../run/lint.js';
import { today } from '../suppress/entry.js';
import type { SuppressOptions } from '../suppress/options.js';
import { VERSION } from '../version.js';
import { contentHash, digest } from './key.js';
import type { CachedRun, LintCache } from './store.js';

export type { CacheOptions } from './options.js';

export { LintCache } from './store.js';
export { contentHash } from './key.js';


/** Everything besides a file's text that its result depends on. */
export function cacheKey(parts: { ruleIds: readonly string[]; suppress: SuppressOptions | undefined; [name: string]: unknown }): string {
  const { suppress, ...rest } = parts;
  // The baseline applies after the cache; the date decides which suppressions have expired.
  const { baseline: _baseline, ...suppressions } = suppress ?? {};
  return digest({ version: VERSION, ...rest, suppress: { ...suppressions, today: suppressions.today ?? today() } });
}

/** One input's token in a run's digest: its content hash, or why it was not text. */
export type InputToken = string;

export function tokenOf(display: string, outcome: Awaited<ReturnType<Source['read']>> | undefined, partial?: string): InputToken {
  if (!outcome) return `${display}\0partial:${partial}`;
  if ('text' in outcome) return textToken(display, contentHash(outcome.text));
  return `${display}\0${digest(outcome)}`;
}

/** The token of a file read as text, from its content hash. */
export function textToken(display: string, hash: string): InputToken {
  return `${display}\0${hash}`;
}

export function inputsDigest(tokens: readonly InputToken[], context: readonly InputToken[] | undefined): string {
  return digest({ tokens, context: context ?? null });
}

/**
 * Context files' tokens (read again: a changed context file changes cross-object findings). The content
 * hashes go to `hashes`, so the context's index need not read the files again.
 */
export function contextTokens(files: readonly { file: string; display: string }[], maxBytes: number, hashes: Map<string, string>): InputToken[] {
  const tokens: InputToken[] = [];
  for (const { file, display } of files) {
    const outcome = readInputSync(file, maxBytes);
    if ('text' in outcome) hashes.set(display, contentHash(outcome.text));
    tokens.push('text' in outcome ? textToken(display, hashes.get(display)!) : tokenOf(display, outcome));
  }
  return tokens;
}

/** The last run, to replay, with the texts its code frames print (when asked for), credentials masked. */
export interface Replay {
  last: CachedRun;
  sources: Map<string, string>;
}

/**
 * Reads every input again to see whether the last run saw exactly these inputs; returns its snapshot if so.
 * Inputs that cannot be read twice (standard input) never replay. With `keepSources`, the texts of the files
 * with findings are kept from this read, so none is read twice. The reads are synchronous: they are all a
 * replay does until its reports, and an asynchronous read cost about four times the CPU.
 */
export async function replayable(
  cache: LintCache,
  sources: readonly Source[],
  context: () => Promise<readonly { file: string; display: string }[]>,
  maxBytes: number,
  keepSources: boolean,
): Promise<Replay | undefined> {
  const last = cache.lastRun;
  if (!last || !sources.every((source) => source.absolute !== undefined || source.partial)) return undefined;
  const framed = new Set(keepSources ? last.findings.map((finding) => finding.file) : []);
  const tokens: InputToken[] = [];
  const texts: { display: string; text: string; hash: string }[] = [];
  for (const source of sources) {
    const input = replayInput(source, maxBytes);
    if (!('hash' in input)) {
      tokens.push(tokenOf(source.display, input.outcome, source.partial));
      continue;
    }
    tokens.push(textToken(source.display, input.hash));
    if (framed.has(source.display)) texts.push({ display: source.display, text: input.text(), hash: input.hash });
  }
  const contextToken = last.usedContext ? contextTokens(await context(), maxBytes, cache.contextHashes) : undefined;
  if (inputsDigest(tokens, contextToken) !== last.inputs) return undefined;
  return { last, sources: new Map(texts.map(({ display, text, hash }) => [display, cache.masked(text, hash)])) };
}

/** An input as the replay check reads it: its content hash and text when it is text, else its outcome. */
function replayInput(source: Source, maxBytes: number): { hash: string; text: () => string } | { outcome: ReadOutcome | undefined } {
  const read = source.partial || source.absolute === undefined ? undefined : readBytesSync(source.absolute, maxBytes);
  if (!Buffer.isBuffer(read)) return { outcome: read };
  const plain = plainTextBytes(read);
  if (plain) return { hash: contentHash(plain), text: () => plain.toString('utf8') };
  const outcome = decode(read, maxBytes);
  return 'text' in outcome ? { hash: contentHash(outcome.text), text: () => outcome.text } : { outcome };
}

/**
 * The UTF-8 bytes of the text a file decodes to, when they are plainly its own bytes: no UTF-16 byte order
 * mark, no NUL, valid UTF-8 (a UTF-8 byte order mark, which decoding drops, is cut off), and within the parse
 * budget by a count of its bytes. Their hash is then `contentHash` of the text, without decoding it, checking its
 * budget and encoding it again for the hash: a third of reading the inputs. Undefined sends the file through
 * `decode`. Even a wrong answer could not replay a changed file: a hash equal to the last run's means the
 * same text, hence the same outcome; at worst a run that could replay would not.
 */
const STAR = 0x2a;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** How many times a byte occurs, counting no further than `limit` (each found by `indexOf`, which skips ahead natively). */
function count(bytes: Buffer, byte: number, limit: number): number {
  let found = 0;
  for (let at = bytes.indexOf(byte); at !== -1 && found < limit; at = bytes.indexOf(byte, at + 1)) found++;
  return found;
}

function atLeast(bytes: Buffer, byte: number, times: number): boolean {
  return times <= 0 || count(bytes, byte, times) >= times;
}

function plainTextBytes(bytes: Buffer): Buffer | undefined {
  // Over the budget takes more aliases than stars, or more nodes than line breaks and commas (both ASCII,
  // so the bytes count them as the text does).
  if (atLeast(bytes, STAR, MAX_ALIASES + 1)) return undefined;
  if (bytes.length > MAX_NODES && atLeast(bytes, NEWLINE, MAX_NODES + 1 - count(bytes, COMMA, MAX_NODES + 1))) return undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  if (bytes.includes(0) || !isUtf8(bytes)) return undefined;
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** The text a code frame prints for a file served from the cache: credentials masked, as for a linted one. */
export function maskedText(text: string): string {
  const spans = credentialSpans(text);
  return spans.length === 0 ? text : maskSpans(text, spans);
}
