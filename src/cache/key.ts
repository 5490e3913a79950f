/** What a cached result depends on besides the file's own text: the tool, its rules and the whole run's settings. */
import { hash } from 'node:crypto';

/** A stable digest of any JSON-shaped value (Maps and Sets become sorted entry lists). */
export function digest(value: unknown): string {
  return hash('sha256', JSON.stringify(value, replacer), 'hex');
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value].sort(([a], [b]) => String(a).localeCompare(String(b)));
  if (value instanceof Set) return [...value].sort();
  return value;
}

/** The hash of a text; given bytes, of the UTF-8 text they are (a string is hashed as its UTF-8 bytes). */
export function contentHash(text: string | Uint8Array): string {
  return hash('sha256', text, 'base64url');
}
