/** One parse per file: the whole stream at once, so documents and offsets come from the parser. */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Region } from '../types.js';
import { streamProblems } from './stream-checks.js';

export interface YamlProblem {
  /** `yaml-syntax-error` or `duplicate-key`. */
  ruleId: 'yaml-syntax-error' | 'duplicate-key';
  message: string;
  /** Character offsets in the file. */
  start: number;
  end: number;
}

export interface ParsedDocument {
  readonly index: number;
  readonly doc: Document.Parsed;
  /** Syntax errors of this document only; a bad document does not hide the others. */
  readonly errors: readonly YamlProblem[];
  /** True when the document holds nothing but comments or whitespace. */
  readonly empty: boolean;
}

export interface ParsedFile {
  readonly text: string;
  readonly lineCounter: LineCounter;
  readonly documents: readonly ParsedDocument[];
  /** Problems of the stream itself, outside any one document's content. */
  readonly streamErrors: readonly YamlProblem[];
}

export function parseYamlFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  // uniqueKeys is off: duplicates are reported as their own finding, at the second key, by the converter.
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  const documents = list.map((doc, index) => ({
    index,
    doc,
    errors: doc.errors.map((error) => ({
      ruleId: 'yaml-syntax-error' as const,
      message: plainYamlMessage(error.message),
      start: error.pos[0],
      end: Math.max(error.pos[1], error.pos[0] + 1),
    })),
    empty: isEmptyDocument(doc),
  }));
  return { text, lineCounter, documents, streamErrors: streamProblems(text) };
}

/** Comment-only documents and the one after a trailing `---` hold nothing to lint. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && contents.source === '' && !contents.tag && !contents.anchor);
}

/** The parser appends "at line L, column C:" and a code frame; the region already says where. */
export function plainYamlMessage(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut === -1 ? message : message.slice(0, cut)).trim();
}

/** Offsets to a 1-based region; the end is clamped to the text so it stays inside the file. */
export function regionOf(file: ParsedFile, start: number, end: number): Region {
  const length = file.text.length;
  const from = Math.min(Math.max(start, 0), length);
  const to = Math.min(Math.max(end, from), length);
  const a = file.lineCounter.linePos(from);
  const b = file.lineCounter.linePos(to);
  return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
}
