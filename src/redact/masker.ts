/**
 * Hides known secret strings inside free text (messages, paths, notes): any stretch of 8 or more
 * characters that also occurs in a secret is masked, so a parser message quoting half a token, or
 * a path naming a registry URL with its password, never carries a usable part of it.
 */
import { decodeBase64Text } from '../secrets/base64-text.js';
import { credentialSpans, type Span } from './spans.js';

export const MASK = '****';
const WINDOW = 8;
/**
 * Shorter secrets are masked only where they stand as a whole word; below this length they are
 * words like `mysql` or `admin` that name containers and images too, and masking those would
 * hide what the report is about.
 */
const MIN_WHOLE = 6;

export type Masker = (text: string) => string;

/** The secret strings behind a file's spans: as written, unquoted, and what their base64 decodes to. */
export function secretStrings(text: string, spans: readonly Span[]): string[] {
  const out = new Set<string>();
  for (const span of spans) {
    const written = text.slice(span.start, span.end);
    for (const line of written.split('\n')) {
      // A plain scalar ends where a comment starts (` #`); a quoted one runs to its closing quote.
      const trimmed = line.trim();
      const uncommented = /^["']/.test(trimmed) ? trimmed : trimmed.replace(/\s+#.*$/, '');
      const value = uncommented.replace(/^["']|["',]$/g, '');
      if (value.length === 0) continue;
      out.add(value);
      const decoded = value.length % 4 === 0 ? decodeBase64Text(value) : undefined;
      if (decoded === undefined) continue;
      // A decoded file holds keys too: keep only its secret parts; a decoded single value is one.
      const inner = credentialSpans(decoded, 1);
      if (inner.length > 0 || /[\n{]/.test(decoded)) for (const part of secretStrings(decoded, inner)) out.add(part);
      else out.add(decoded.trim());
    }
  }
  return [...out].filter((secret) => secret.length >= MIN_WHOLE);
}

export function createMasker(secrets: readonly string[]): Masker {
  if (secrets.length === 0) return (text) => text;
  const windows = new Set<string>();
  const short: string[] = [];
  for (const secret of secrets) {
    if (secret.length < MIN_WHOLE) continue;
    if (secret.length < WINDOW) short.push(secret);
    else for (let index = 0; index + WINDOW <= secret.length; index++) windows.add(secret.slice(index, index + WINDOW));
  }
  return (text) => {
    if (text.length < MIN_WHOLE) return text;
    const hidden = new Uint8Array(text.length);
    let any = false;
    for (let index = 0; index + WINDOW <= text.length; index++) {
      if (!windows.has(text.slice(index, index + WINDOW))) continue;
      hidden.fill(1, index, index + WINDOW);
      any = true;
    }
    for (const secret of short) {
      for (let index = text.indexOf(secret); index !== -1; index = text.indexOf(secret, index + 1)) {
        if (isWordChar(text[index - 1]) || isWordChar(text[index + secret.length])) continue;
        hidden.fill(1, index, index + secret.length);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let index = 0; index < text.length; index++) {
      if (!hidden[index]) out += text[index];
      else if (index === 0 || !hidden[index - 1]) out += MASK;
    }
    return out;
  };
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char);
}

/** Whether spans are in order inside a text of `length` (spans kept from another time may not be). */
export function spansFit(spans: readonly Span[], length: number): boolean {
  let previous = 0;
  for (const { start, end } of spans) {
    if (start < previous || end <= start || end > length) return false;
    previous = end;
  }
  return true;
}

/** The text with every span replaced by a fixed mask, line by line, so line numbers stay right. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start);
    // Keep line breaks (and the indentation after them) so every line stays where it was.
    out += text
      .slice(span.start, span.end)
      .split('\n')
      .map((part, index) => (index === 0 ? '' : (/^[ \t]*/.exec(part)?.[0] ?? '')) + (part.trim() === '' ? '' : '********'))
      .join('\n');
    from = span.end;
  }
  return out + text.slice(from);
}
