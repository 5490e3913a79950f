/**
 * Context files served from the cache. A partial run (a pre-commit hook names the changed files) indexes
 * every other tracked manifest for its cross-object checks; a context file whose text is unchanged gives
 * back the index records it gave last time, so a repeated run parses only what changed.
 * A record keeps the object's values (a Secret's data values excepted): a file whose records hold a
 * credential found in its text is never stored, and is parsed again on every run.
 */
import { deserialize, serialize } from 'node:v8';
import { readInputSync } from '../input/read.js';
import { ObjectIndex, type IndexedObject } from '../k8s/object-index.js';
import { createMasker, credentialSpans, secretStrings } from '../redact/index.js';
import { contentHash } from './key.js';
import { textToken, tokenOf, type InputToken } from './run-cache.js';
import type { LintCache } from './store.js';

/** Puts one file's objects in `index`; returns how many. */
export type IndexText = (display: string, text: string, index: ObjectIndex) => number;

export interface ServedContext {
  objects: number;
  /** The files' tokens for the run's digest, from the same read. */
  tokens: InputToken[];
  /** Files served from the cache. */
  hits: number;
}

export async function indexCachedContext(
  files: readonly { file: string; display: string }[],
  index: ObjectIndex,
  cache: LintCache,
  maxBytes: number,
  indexText: IndexText,
): Promise<ServedContext> {
  const served: ServedContext = { objects: 0, tokens: [], hits: 0 };
  const serve = (display: string, hash: string): boolean => {
    const hit = cache.contextLookup(display, hash);
    if (!hit) return false;
    for (const record of deserialize(Buffer.from(hit.records, 'base64')) as IndexedObject[]) index.add(record);
    served.tokens.push(textToken(display, hash));
    served.objects += hit.objects;
    served.hits++;
    return true;
  };
  for (const { file, display } of files) {
    // Hashed by the cache's replay check already: an unchanged file is not read again.
    const known = cache.contextHashes.get(display);
    if (known !== undefined && serve(display, known)) continue;
    const outcome = readInputSync(file, maxBytes);
    if (!('text' in outcome)) {
      served.tokens.push(tokenOf(display, outcome));
      continue;
    }
    const hash = contentHash(outcome.text);
    if (serve(display, hash)) continue;
    served.tokens.push(textToken(display, hash));
    // Indexed on its own first, so its records can be stored; they join the run's index in the same order.
    const own = new ObjectIndex(index.complete);
    const objects = indexText(display, outcome.text, own);
    for (const record of own.all) index.add(record);
    served.objects += objects;
    if (storable(own.all, outcome.text)) {
      cache.recordContext(display, { hash, objects, records: serialize(own.all).toString('base64') });
    }
  }
  return served;
}

/**
 * Whether the records can be stored: none of their strings holds a credential of the file's text, except
 * `description`s (documentation, where credential patterns match prose, read by no check), which are masked
 * here; CRDs' records hold none. `records` are the file's own copies, already in the run's index.
 */
function storable(records: readonly IndexedObject[], text: string): boolean {
  const spans = credentialSpans(text);
  if (spans.length === 0) return true;
  const secrets = secretStrings(text, spans);
  const mask = createMasker(secrets);
  const seen = new Set<object>();
  const clean = (value: unknown): boolean => {
    if (typeof value === 'string') return !secrets.some((secret) => value.includes(secret));
    if (value === null || typeof value !== 'object' || seen.has(value)) return true;
    seen.add(value);
    if (Array.isArray(value)) return value.every(clean);
    const record = value as Record<string, unknown>;
    return Object.entries(record).every(([key, item]) => {
      if (key === 'description' && typeof item === 'string') record[key] = mask(item);
      return clean(key) && clean(record[key]);
    });
  };
  return clean(records);
}
