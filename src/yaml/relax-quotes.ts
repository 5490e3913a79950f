/**
 * go-yaml (kubectl) accepts a multi-line quoted scalar whose continuation lines are indented no
 * deeper than its key, as controller-gen writes CRD descriptions; the `yaml` package refuses it on
 * purpose (eemeli/yaml#176). We indent those continuation lines in a copy of the text, which folds
 * to the same value, and keep the insertions so every position maps back to the file as written.
 */
import { Scalar, visit, type Document } from 'yaml';

/** Spaces inserted before original offset `at`. */
export interface Insertion {
  at: number;
  count: number;
}

const MISSING_QUOTE = /^Missing closing ["']quote/;

/**
 * For each quoted scalar the parser cut short, the insertions (in `text` coordinates) that make
 * its continuation lines deep enough; empty when there is nothing go-yaml would read differently.
 */
export function quoteRepairs(text: string, docs: readonly Document.Parsed[]): Insertion[] {
  const cutAt = new Set<number>();
  for (const doc of docs) {
    for (const error of doc.errors) if (error.code === 'MISSING_CHAR' && MISSING_QUOTE.test(error.message)) cutAt.add(error.pos[0]);
  }
  if (cutAt.size === 0) return [];
  const insertions: Insertion[] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        const range = node.range;
        if (!range || !cutAt.has(range[1]) || (node.type !== Scalar.QUOTE_SINGLE && node.type !== Scalar.QUOTE_DOUBLE)) return;
        insertions.push(...indentContinuations(text, range[0]));
      },
    });
  }
  return insertions.sort((a, b) => a.at - b.at);
}

/** Insertions for the quoted scalar opening at `open`, or none when it has no closing quote. */
function indentContinuations(text: string, open: number): Insertion[] {
  const close = closingQuote(text, open);
  if (close === -1) return [];
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  // The key's column: the line's indentation past any `- ` sequence markers.
  const keyColumn = /^[ ]*(?:-[ ]+)*/.exec(text.slice(lineStart, open))![0].length;
  const needed = keyColumn + 1;
  const insertions: Insertion[] = [];
  for (let next = text.indexOf('\n', open); next !== -1 && next < close; next = text.indexOf('\n', next + 1)) {
    const start = next + 1;
    let indent = 0;
    while (text[start + indent] === ' ') indent++;
    const first = text[start + indent];
    if (first === '\n' || first === '\r' || first === undefined) continue; // an empty line is a line break in the value
    if (indent < needed) insertions.push({ at: start, count: needed - indent });
  }
  return insertions;
}

/** Offset of the closing quote, honouring `''` and backslash escapes; -1 at a document marker or the end. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(i + 1, i + 5))) return -1;
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The text with the insertions applied. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let out = '';
  let last = 0;
  for (const { at, count } of insertions) {
    out += text.slice(last, at) + ' '.repeat(count);
    last = at;
  }
  return out + text.slice(last);
}

/** Maps an offset of the repaired text back to the file as written (inserted spaces map to their line start). */
export function originalOffset(insertions: readonly Insertion[], offset: number): number {
  let shift = 0;
  for (const { at, count } of insertions) {
    const patchedAt = at + shift;
    if (offset < patchedAt) break;
    if (offset < patchedAt + count) return at;
    shift += count;
  }
  return offset - shift;
}

/** Maps an offset of the file as written into repaired-text coordinates. */
export function patchedOffset(insertions: readonly Insertion[], offset: number): number {
  let shift = 0;
  for (const { at, count } of insertions) {
    if (at > offset) break;
    shift += count;
  }
  return offset + shift;
}
