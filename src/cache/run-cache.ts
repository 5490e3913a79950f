/**
 * The cache's part in a run: the key of everything a file's result depends on besides its text, the
 * digest of a run's inputs, and the replay of the last run when none of its inputs changed.
 *
 * Why two levels: a file's own findings depend only on its text and the key, so any unchanged file is
 * served from its entry. Findings of cross-object checks depend on every object of the run, and the checks
 * are closures that exist only while a file is linted: a file that registered such checks is linted again
 * in any run where something changed, while the whole run is replayed from its snapshot when nothing did.
 */
import { decode, plainUtf8, readBytesSync, readInputSync, type ReadOutcome } from '../input/read.js';
import { credentialSpans, maskSpans } from '../redact/index.js';
import type { Source } from '../run/lint.js';
import type { OnDiskFile } from '../run/spool-sources.js';
import type { FindingSpool } from '../run/spool.js';
import type { Finding } from '../types.js';
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

/**
 * The last run, to replay. Its findings went to the spool, or, in a run without one, are held here with the
 * texts their code frames print (credentials masked); a spooled run reads those texts when a report asks.
 */
export interface Replay {
  last: CachedRun;
  /** The spool the findings went to, if they did. */
  spool?: FindingSpool;
  findings: Finding[];
  sources: Map<string, string>;
  onDisk: OnDiskFile[];
}

/**
 * Reads every input again to see whether the last run saw exactly these inputs; returns its snapshot if so.
 * Inputs that cannot be read twice (standard input) never replay. With a spool (and more findings than a
 * replay holds in memory), the last run's findings go to it a file's line at a time, never parsed here;
 * otherwise they are read first, so that the texts of the files with findings are kept from the read that
 * checks them (with `keepSources`). The reads are synchronous: they are all a replay does until its
 * reports, and an asynchronous read cost about four times the CPU. A damaged cache replays nothing.
 */
export async function replayable(
  cache: LintCache,
  sources: readonly Source[],
  context: () => Promise<readonly { file: string; display: string }[]>,
  maxBytes: number,
  keepSources: boolean,
  runSpool?: FindingSpool,
): Promise<Replay | undefined> {
  const last = cache.lastRun;
  if (!last || !sources.every((source) => source.absolute !== undefined || source.partial)) return undefined;
  const spool = runSpool?.holdsReplay(cache.lastRunBytes) ? undefined : runSpool;
  const findings = spool ? [] : heldFindings(cache);
  if (!findings) return undefined;
  const framed = new Set(keepSources ? findings.map((finding) => finding.file) : []);
  const tokens: InputToken[] = [];
  const texts: { display: string; text: string; hash: string }[] = [];
  const onDisk: OnDiskFile[] = [];
  for (const source of sources) {
    const input = replayInput(source, maxBytes);
    if (!('hash' in input)) {
      tokens.push(tokenOf(source.display, input.outcome, source.partial));
      continue;
    }
    tokens.push(textToken(source.display, input.hash));
    if (framed.has(source.display)) texts.push({ display: source.display, text: input.text(), hash: input.hash });
    else if (spool && keepSources) onDisk.push(onDiskFile(cache, source.display, source.absolute!, input.hash));
  }
  const contextToken = last.usedContext ? contextTokens(await context(), maxBytes, cache.contextHashes) : undefined;
  if (inputsDigest(tokens, contextToken) !== last.inputs) return undefined;
  if (spool && !spooled(cache, spool)) return undefined;
  const held = new Map(texts.map(({ display, text, hash }) => [display, cache.masked(text, hash)]));
  return { last, ...(spool ? { spool } : {}), findings, sources: held, onDisk };
}

/** The last run's findings, parsed; undefined when the cache is damaged. */
function heldFindings(cache: LintCache): Finding[] | undefined {
  try {
    const findings: Finding[] = [];
    for (const { line } of cache.lastRunLines()) findings.push(...(JSON.parse(line) as { findings: Finding[] }).findings);
    return findings;
  } catch {
    return undefined;
  }
}

/** Hands the last run's lines to the spool; false (and the spool emptied) when the cache is damaged. */
function spooled(cache: LintCache, spool: FindingSpool): boolean {
  try {
    for (const line of cache.lastRunLines()) spool.addLine(line);
    return true;
  } catch {
    spool.reset();
    return false;
  }
}

/** A file a report may read again, masked where the last run found credentials in the text of this hash. */
function onDiskFile(cache: LintCache, display: string, absolute: string, hash: string): OnDiskFile {
  const spans = cache.storedSpans(hash);
  return spans ? [display, absolute, { hash, spans }] : [display, absolute];
}

/**
 * An input as the replay check reads it: its content hash and text when it is text, else its outcome. Bytes
 * that are plainly their text's UTF-8 (`plainUtf8`) are hashed as they are: the same hash as the text's,
 * without decoding it, checking its budget and encoding it again (a third of reading the inputs). Even a wrong
 * answer could not replay a changed file: a hash equal to the last run's means the same text.
 */
function replayInput(source: Source, maxBytes: number): { hash: string; text: () => string } | { outcome: ReadOutcome | undefined } {
  const read = source.partial || source.absolute === undefined ? undefined : readBytesSync(source.absolute, maxBytes);
  if (!Buffer.isBuffer(read)) return { outcome: read };
  const plain = plainUtf8(read, maxBytes);
  if (plain) return { hash: contentHash(plain), text: () => plain.toString('utf8') };
  const outcome = decode(read, maxBytes);
  return 'text' in outcome ? { hash: contentHash(outcome.text), text: () => outcome.text } : { outcome };
}

/** The text a code frame prints for a file served from the cache: credentials masked, as for a linted one. */
export function maskedText(text: string): string {
  const spans = credentialSpans(text);
  return spans.length === 0 ? text : maskSpans(text, spans);
}
