/**
 * Where a file's text holds credentials, found from the text alone (no parse tree), whatever rules
 * are enabled: known token formats anywhere (comments included), `key: value` / `key=value` /
 * `"key": "value"` under a credential name (block and flow YAML, JSON, INI, properties, shell),
 * env entries whose `name` is a credential, the values of committed Secrets, and base64 that
 * decodes to any of these. Spans may over-reach: masking too much is safe, too little is a leak.
 */
import { decodeBase64Text } from '../secrets/base64-text.js';
import { credentialArgumentOffsets } from '../secrets/credential-arguments.js';
import { isCredentialName, isLocatorName } from '../secrets/credential-names.js';
import { lineOf, lineStarts, linesWith } from '../secrets/hinted-lines.js';
import { isPlaceholderFor } from '../secrets/placeholders.js';
import { DETECTORS, detectorsAnchoredIn } from '../secrets/value-detectors.js';

/** Character offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Capture group holding the secret part of a detector's match; the whole match otherwise. */
const SECRET_GROUP: Record<string, number> = { 'url-password': 1, 'http-basic-auth': 1, 'docker-registry-auth': 1, 'npm-token': 1, 'jaas-password': 1 };

/** Global, index-reporting copies of the detectors' patterns, compiled once. */
const GLOBAL_PATTERNS = new Map(DETECTORS.map((detector) => [detector, new RegExp(detector.pattern.source, `${detector.pattern.flags.replace('g', '')}gd`)]));

/**
 * A key (bare or quoted), then `:` + blank, `:` before a quote (JSON), or `=`, then the value:
 * quoted, or running to a comment, a flow separator or the end of the line.
 */
const PAIR = /(?<=^|[\s{,[(;"'])(["']?)([A-Za-z0-9_.$@/-]*[A-Za-z0-9])\1[ \t]*(?::(?=[ \t]|["']|$)|=)[ \t]*("(?:[^"\\\n]|\\.)*"?|'(?:[^'\n]|'')*'?|[^\s,{}[\]#"'][^\n]*?)?(?=[ \t]+#|[ \t]*[,}\]]|[ \t]*$|\n)/gm;

/** Lines that can hold a credential pair or an env entry's name or value (scanned for in the whole text). */
const CANDIDATE_LINE = /pass|pw|secret|token|cred|key|auth|bearer|dsn|conn|jwt|name|value|htpasswd/gi;
/** `|`, `>-`, `|+2`: the value is the indented block below. */
const BLOCK_INDICATOR = /^[|>][-+0-9]*$/;
const SECRET_KIND = /^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?Secret["']?[ \t]*,?[ \t]*(?:#.*)?$/m;
const WORD_LIKE = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*$/;
/**
 * A run of base64 characters and its padding. A value worth decoding is a run of 12 or more with at
 * most two `=`, touching no other base64 character or `=` (checked in `standsAlone`): lookarounds in
 * the pattern would make the engine try every position of every word.
 */
const BASE64_RUN = /[A-Za-z0-9+/]+=*/g;

/** The last file's spans: a file's text is asked about again as its findings come in and when it closes. */
let lastFile: { text: string; spans: readonly Span[] } | undefined;

export function credentialSpans(text: string, depth = 0): readonly Span[] {
  if (depth > 0) return findSpans(text, depth);
  if (lastFile?.text !== text) lastFile = { text, spans: findSpans(text, depth) };
  return lastFile.spans;
}

function findSpans(text: string, depth: number): Span[] {
  const spans: Span[] = [];
  detectorSpans(text, spans);
  const lines = lineStarts(text);
  pairSpans(text, lines, spans);
  secretObjectSpans(text, lines, spans);
  spans.push(...credentialArgumentOffsets(text));
  if (depth === 0) encodedSpans(text, spans);
  return merge(spans);
}

function detectorSpans(text: string, spans: Span[]): void {
  for (const detector of detectorsAnchoredIn(text)) {
    for (const match of detector.id === 'url-password' ? urlMatches(text) : matchesOf(GLOBAL_PATTERNS.get(detector)!, text)) {
      if (detector.verify && !detector.verify(match, text.slice(match.index, match.index + 2000))) continue;
      const group = SECRET_GROUP[detector.id];
      const indices = (group !== undefined ? match.indices?.[group] : undefined) ?? match.indices![0]!;
      let end = indices[1];
      // A key's body runs past its header line: mask up to the footer (or a bounded stretch).
      if (detector.id === 'private-key') {
        const footer = text.indexOf('-----END', end);
        end = footer === -1 ? Math.min(text.length, end + 4096) : footer;
      }
      spans.push({ start: indices[0], end });
    }
  }
}

function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    yield match;
  }
}

const URL_PASSWORD = DETECTORS.find((detector) => detector.id === 'url-password')!.pattern;
const URL_AT = new RegExp(URL_PASSWORD.source, 'yd');

/**
 * The url-password pattern's matches, as a scan of the whole text finds them, but tried only where
 * a `://` is: a match's scheme runs up to the first character that cannot be in a scheme, which must
 * start its `://`, and whatever letter of that run it starts at, the rest of the match is the same.
 * So the leftmost start is the run's first letter (not before the end of the last match).
 */
function* urlMatches(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let colon = text.indexOf('://'); colon !== -1; colon = text.indexOf('://', Math.max(colon + 1, from))) {
    let start = colon;
    while (start > from && isSchemeChar(text.charCodeAt(start - 1))) start--;
    while (start < colon && !isLetter(text.charCodeAt(start))) start++;
    if (start === colon) continue;
    URL_AT.lastIndex = start;
    const match = URL_AT.exec(text);
    if (!match) continue;
    from = match.index + match[0].length;
    yield match;
  }
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[A-Za-z0-9+.-]` */
function isSchemeChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46;
}

interface PendingEnv {
  line: number;
  column: number;
  name?: string;
  value?: Span & { text: string };
}

/** Key/value pairs under credential names; env entries (`name:` beside `value:`); block scalars under such keys. */
function pairSpans(text: string, lines: readonly number[], spans: Span[]): void {
  let env: PendingEnv | undefined;
  // Most lines name no credential and hold no env entry: one scan of the text skips them.
  const candidates = linesWith(text, CANDIDATE_LINE, lines);
  for (let line = 0; line < lines.length; line++) {
    if (candidates[line] === 0) continue;
    const lineStart = lines[line]!;
    const lineText = text.slice(lineStart, (lines[line + 1] ?? text.length + 1) - 1);
    PAIR.lastIndex = 0;
    for (let match = PAIR.exec(lineText); match; match = PAIR.exec(lineText)) {
      if (match[0].length === 0) {
        PAIR.lastIndex++;
        continue;
      }
      env = pair(text, lines, line, lineStart + match.index, match, env, spans);
    }
  }
}

/** One `key: value` of a candidate line; returns the env entry being read. */
function pair(text: string, lines: readonly number[], line: number, at: number, match: RegExpExecArray, pending: PendingEnv | undefined, spans: Span[]): PendingEnv | undefined {
  let env = pending;
  const key = match[2]!;
  const valueStart = at + match[0].length - (match[3] ?? '').length;
  const column = at - lines[line]!;
  const raw = inFlow(text, lines[line]!, at) ? (match[3] ?? '') : restOfLine(text, valueStart, match[3] ?? '');
  const value = unquote(raw);

  if (BLOCK_INDICATOR.test(raw.trim()) && isCredentialName(key) && !isLocatorName(key)) {
    maskBlock(text, lines, line, indentOf(text, lines[line]!), spans);
    return env;
  }

  if (key === 'name' || key === 'value') {
    const sameItem =
      env && (env.line === line || (env.column === column && !startsItem(text, lines[line]!, column) && !leftItem(text, lines, env.line, line, column)));
    if (!sameItem) env = { line, column };
    if (key === 'name') env!.name = value;
    else env!.value = { start: valueStart, end: valueStart + raw.length, text: value };
    if (env!.name !== undefined && env!.value && isCredentialName(env!.name) && !isLocatorName(env!.name) && !isPlaceholderFor(env!.name, env!.value.text)) {
      spans.push({ start: env!.value.start, end: env!.value.end });
    }
    return env;
  }
  if (raw.length === 0 || !isCredentialName(key) || isLocatorName(key)) return env;
  if (isPlaceholderFor(key, value) || value.startsWith('{') || value.startsWith('[')) return env;
  spans.push({ start: valueStart, end: valueStart + raw.length });
  return env;
}

/** Did a line between the two (the second included) leave the item, by starting at a smaller indentation? */
function leftItem(text: string, lines: readonly number[], from: number, to: number, column: number): boolean {
  for (let line = from + 1; line <= to; line++) {
    const start = lines[line]!;
    const content = text.slice(start, (lines[line + 1] ?? text.length + 1) - 1);
    if (content.trim() === '' || content.trimStart().startsWith('#')) continue;
    if (content.length - content.trimStart().length < column) return true;
  }
  return false;
}

/** Lines below a block indicator, indented deeper than its key. */
function maskBlock(text: string, lines: readonly number[], line: number, keyIndent: number, spans: Span[]): void {
  for (let next = line + 1; next < lines.length; next++) {
    const start = lines[next]!;
    const end = (lines[next + 1] ?? text.length + 1) - 1;
    const content = text.slice(start, end);
    if (content.trim() === '') continue;
    const indent = indentOf(text, start);
    if (indent <= keyIndent) break;
    spans.push({ start: start + indent, end });
  }
}

/** Every value under the top-level `data:` and `stringData:` of a YAML document of kind Secret. */
function secretObjectSpans(text: string, lines: readonly number[], spans: Span[]): void {
  if (!holdsSecretKind(text)) return;
  const documents = text.split(/^(?=---)/m);
  let offset = 0;
  for (const document of documents) {
    if (holdsSecretKind(document)) {
      const field = /^(?:data|stringData)[ \t]*:[ \t]*([^\n]*)$/gm;
      for (let match = field.exec(document); match; match = field.exec(document)) {
        const start = offset + match.index;
        const inline = match[1]!.replace(/[ \t]+#.*$/, '');
        if (inline.trim() !== '') spans.push({ start: start + match[0].length - match[1]!.length, end: start + match[0].length });
        maskBlockValues(text, lines, lineOf(lines, start), spans);
      }
    }
    offset += document.length;
  }
}

/** Does a line say `kind: Secret`? Only the lines holding `Secret` are tested. */
function holdsSecretKind(text: string): boolean {
  for (let at = text.indexOf('Secret'); at !== -1; ) {
    const end = text.indexOf('\n', at);
    if (SECRET_KIND.test(text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? text.length : end))) return true;
    if (end === -1) return false;
    at = text.indexOf('Secret', end);
  }
  return false;
}

/** Values of the entries of a block mapping at column 0 (`data:`), and the bodies of their block scalars. */
function maskBlockValues(text: string, lines: readonly number[], line: number, spans: Span[]): void {
  let entryIndent = -1;
  for (let next = line + 1; next < lines.length; next++) {
    const start = lines[next]!;
    const end = (lines[next + 1] ?? text.length + 1) - 1;
    const content = text.slice(start, end);
    if (content.trim() === '' || content.trimStart().startsWith('#')) continue;
    const indent = indentOf(text, start);
    if (indent === 0) break;
    if (entryIndent === -1) entryIndent = indent;
    const pair = indent === entryIndent ? /^[ \t]*(?:"[^"]*"|'[^']*'|[^\s:][^:]*?)[ \t]*:(?:[ \t]+|$)/.exec(content) : null;
    const from = pair ? pair[0].length : indent;
    if (from < content.length) spans.push({ start: start + from, end });
  }
}

/** Base64 that decodes to text holding a credential (ConfigMap binaryData, embedded Secret data). */
function encodedSpans(text: string, spans: Span[]): void {
  BASE64_RUN.lastIndex = 0;
  for (let match = BASE64_RUN.exec(text); match; match = BASE64_RUN.exec(text)) {
    if (match[0].length < 12 || !standsAlone(text, match.index, match[0])) continue;
    // Words and camelCase identifiers of descriptions are not base64 worth decoding.
    if (match[0].length % 4 !== 0 || WORD_LIKE.test(match[0])) continue;
    const decoded = decodeBase64Text(match[0]);
    if (decoded !== undefined && credentialSpans(decoded, 1).length > 0) spans.push({ start: match.index, end: match.index + match[0].length });
  }
}

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 47 && code <= 57) || code === 43;
}

/** A run found by BASE64_RUN (so no base64 character before it) that is a whole base64 value. */
function standsAlone(text: string, start: number, run: string): boolean {
  if (start > 0 && text.charCodeAt(start - 1) === 61) return false;
  let padding = 0;
  while (padding < run.length && run.charCodeAt(run.length - 1 - padding) === 61) padding++;
  if (padding > 2 || run.length - padding < 12) return false;
  // A padded run must end the value: `=` followed by base64 is not padding.
  const end = start + run.length;
  return padding === 0 || end >= text.length || !isBase64Char(text.charCodeAt(end));
}

/** Outside `{ }` and `[ ]`, a comma belongs to a plain value: it runs to a comment or the end of the line. */
function inFlow(text: string, lineStart: number, at: number): boolean {
  return /[{[]/.test(text.slice(lineStart, at));
}

function restOfLine(text: string, start: number, raw: string): string {
  if (raw.startsWith('"') || raw.startsWith("'")) return raw;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/[ \t]+#.*$/, '').trimEnd();
}

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) return value.slice(1, -1);
  return value.replace(/^["']/, '');
}

/** Does the line put a sequence indicator (`- `) right before this column? */
function startsItem(text: string, lineStart: number, column: number): boolean {
  return /-[ \t]+$/.test(text.slice(lineStart, lineStart + column));
}

function indentOf(text: string, lineStart: number): number {
  let index = lineStart;
  while (text[index] === ' ' || text[index] === '\t' || text[index] === '-') {
    if (text[index] === '-' && text[index + 1] !== ' ') break;
    index++;
  }
  return index - lineStart;
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
