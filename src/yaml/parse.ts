/** One parse per file: the whole stream at once, so documents and offsets come from the parser. */
import { Composer, Document, isScalar, LineCounter, Parser, YAMLParseError } from 'yaml';
import type { Region } from '../types.js';
import { buildDocument, documentEndOffset, type FastDocument } from './fast-build.js';
import { helmTemplateIn, helmTemplateOf } from './helm-source.js';
import { applyInsertions, originalOffset, quoteRepairs, type Insertion } from './relax-quotes.js';
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
  /** The composed Document; for a document built on the fast path, composed on first use. */
  readonly doc: Document.Parsed;
  /** The first syntax error of this document (its message counts the others); a bad document does not hide the others. */
  readonly errors: readonly YamlProblem[];
  /** True when the document holds nothing but comments or whitespace. */
  readonly empty: boolean;
  /** `[start, end of contents, end]` in the parsed text, as the Document's `range`. */
  readonly range: readonly number[];
  /** The `# Source:` template `helm template` wrote before the document. */
  readonly helmTemplate: string | undefined;
  /** Values and positions built straight from the CST; absent when the document was composed. */
  readonly fast?: FastDocument;
}

export interface ParseOptions {
  /**
   * Build values and positions straight from the CST where the Composer would accept the file without
   * a word (see `fast-build.ts`), composing it only when asked for a Document. Other files are composed.
   */
  fast?: boolean;
}

export interface ParsedFile {
  /** The text the documents' ranges refer to: the file, with go-yaml's quoted-scalar leniency applied. */
  readonly text: string;
  /** Lines of the file as written; `regionOf` maps offsets of `text` onto it. */
  readonly lineCounter: LineCounter;
  readonly documents: readonly ParsedDocument[];
  /** Problems of the stream itself, outside any one document's content. */
  readonly streamErrors: readonly YamlProblem[];
  /** Spaces added to `text` (none for almost every file). */
  readonly insertions: readonly Insertion[];
}

/** The parser's own stack overflows: the document nests too deep for it, which is not a syntax error. */
const isStackOverflow = (error: { code: string; message: string }) => error.code === 'RESOURCE_EXHAUSTION' || error.message.includes('Maximum call stack size exceeded');
const MAX_REPAIR_PASSES = 3;

export function parseYamlFile(text: string, options: ParseOptions = {}): ParsedFile {
  if (options.fast) {
    const fast = parseFast(text);
    if (fast) return fast;
  }
  let docs = parseDocs(text);
  if (docs === undefined) return crashedParse(text);
  let insertions: Insertion[] = [];
  for (let pass = 0; pass < MAX_REPAIR_PASSES; pass++) {
    const source = applyInsertions(text, insertions);
    const more = quoteRepairs(source, docs);
    if (more.length === 0) break;
    const merged = mergeInsertions(insertions, more.map(({ at, count }) => ({ at: originalOffset(insertions, at), count })));
    const repaired = parseDocs(applyInsertions(text, merged));
    // Keep a repair only when the parser agrees it helped: go-yaml reads these lines the same way.
    if (repaired === undefined || errorCount(repaired) >= errorCount(docs)) break;
    docs = repaired;
    insertions = merged;
  }
  const source = applyInsertions(text, insertions);
  const documents = docs.map((doc, index) => ({ index, doc, errors: firstError(doc), empty: isEmptyDocument(doc), range: doc.range, helmTemplate: helmTemplateOf(doc) }));
  return { text: source, lineCounter: linesOf(text), documents, streamErrors: streamProblems(source), insertions };
}

/**
 * Every document built from the CST, or undefined when one of them (or the stream between them: a
 * directive, an error token) needs the Composer: then the whole file is composed, since the
 * Composer's state runs across documents.
 */
function parseFast(text: string): ParsedFile | undefined {
  let composed: Document.Parsed[] | undefined;
  const compose = (): Document.Parsed[] => {
    composed ??= parseDocs(text);
    if (!composed) throw new Error('the YAML parser could not compose a file it had parsed');
    return composed;
  };
  const documents: FastParsedDocument[] = [];
  let prelude: string[] = [];
  const tokens = new Parser().parse(text);
  for (;;) {
    let next;
    try {
      next = tokens.next();
    } catch {
      // The parser's own stack overflows: the Document path contains them.
      return undefined;
    }
    if (next.done) break;
    const token = next.value;
    switch (token.type) {
      case 'document': {
        const fast = buildDocument(token);
        if (!fast) return undefined;
        documents.push(new FastParsedDocument(documents.length, fast, helmTemplateFrom(fast, prelude), compose));
        prelude = [];
        break;
      }
      case 'comment':
      case 'newline':
        prelude.push(token.source);
        break;
      case 'space':
      case 'byte-order-mark':
        break;
      case 'doc-end': {
        const last = documents[documents.length - 1];
        const end = documentEndOffset(token);
        if (!last || end === undefined) return undefined;
        last.fast.range[2] = end;
        prelude = [];
        break;
      }
      default:
        return undefined;
    }
  }
  return { text, lineCounter: linesOf(text), documents, streamErrors: streamProblems(text), insertions: [] };
}

class FastParsedDocument implements ParsedDocument {
  readonly errors: readonly YamlProblem[] = [];

  constructor(
    readonly index: number,
    readonly fast: FastDocument,
    readonly helmTemplate: string | undefined,
    private readonly compose: () => Document.Parsed[],
  ) {}

  get doc(): Document.Parsed {
    return this.compose()[this.index]!;
  }

  get empty(): boolean {
    return this.fast.empty;
  }

  get range(): readonly number[] {
    return this.fast.range;
  }
}

/**
 * Where the Composer hangs the comments before a document (`Composer.decorate`): those between
 * documents go to the document after a blank line or a `---`, else to its contents, or to the first
 * key of a block collection, where `helmTemplateOf` does not look.
 */
function helmTemplateFrom(fast: FastDocument, prelude: readonly string[]): string | undefined {
  let contentsComment = fast.contentsComment;
  let docComment = '';
  const { comment, afterEmptyLine } = parsePrelude(prelude);
  if (comment) {
    if (afterEmptyLine || fast.docStart) docComment = comment;
    else if (!fast.blockWithEntries) contentsComment = contentsComment ? `${comment}\n${contentsComment}` : comment;
  }
  return helmTemplateIn(contentsComment) ?? helmTemplateIn(docComment);
}

/** The Composer's reading of the comments and line breaks before a document. */
function parsePrelude(prelude: readonly string[]): { comment: string; afterEmptyLine: boolean } {
  let comment = '';
  let atComment = false;
  let afterEmptyLine = false;
  for (const source of prelude) {
    if (source.startsWith('#')) {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (source.substring(1) || ' ');
      atComment = true;
      afterEmptyLine = false;
    } else {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}

/** uniqueKeys is off: duplicates are reported as their own finding, at the second key, by the converter. */
const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

/**
 * parseAllDocuments, with the stack overflows of a deeply nested document contained: the parser and
 * the composer recurse, so a document nested some thousands of levels deep overflows the stack.
 * That document is blanked out (same length, same lines, so every other offset holds) and becomes a
 * placeholder carrying a resource error, which the converter reports as too deep.
 */
function parseDocs(text: string): Document.Parsed[] | undefined {
  const blanked: [number, number][] = [];
  let source = text;
  for (let attempt = 0; attempt < 20; attempt++) {
    let outcome;
    try {
      outcome = parseOnce(source);
    } catch {
      return undefined;
    }
    if ('docs' in outcome) {
      const docs = outcome.docs.filter((doc) => !blanked.some(([start, end]) => doc.range[0] >= start && doc.range[0] < end));
      docs.push(...blanked.map(([start, end]) => tooDeep(start, end)));
      return docs.sort((a, b) => a.range[0] - b.range[0]);
    }
    const end = nextDocumentMarker(source, outcome.at);
    if (end <= outcome.from) return undefined;
    blanked.push([outcome.from, end]);
    source = source.slice(0, outcome.from) + source.slice(outcome.from, end).replace(/[^\n]/g, ' ') + source.slice(end);
  }
  return undefined;
}

/** The documents, or where the stack overflowed: the document from `from`, found broken at `at`. */
function parseOnce(text: string): { docs: Document.Parsed[] } | { from: number; at: number } {
  const docs: Document.Parsed[] = [];
  const composer = new Composer(OPTIONS);
  const parser = new Parser();
  let from = 0;
  try {
    for (const token of parser.parse(text)) {
      for (const doc of composer.next(token)) {
        docs.push(doc);
        from = doc.range[2];
      }
    }
    docs.push(...composer.end(false, text.length));
    return { docs };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { from: Math.min(from, parser.offset), at: parser.offset };
  }
}

/** Offset of the next `---` or `...` line at or after `at`, or the end of the text. */
function nextDocumentMarker(text: string, at: number): number {
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = Math.max(at, 0);
  for (let match = marker.exec(text); match; match = marker.exec(text)) if (match.index >= at) return match.index;
  return text.length;
}

function tooDeep(offset: number, end: number): Document.Parsed {
  const doc = new Document(null, OPTIONS) as Document.Parsed;
  doc.range = [offset, offset, end];
  doc.errors.push(new YAMLParseError([offset, offset + 1], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded'));
  return doc;
}

/** No parser error escapes a file: an exception from the parser is one finding at the start of the file. */
function crashedParse(text: string): ParsedFile {
  const problem: YamlProblem = { ruleId: 'yaml-syntax-error', message: 'The YAML parser could not read this file.', start: 0, end: 1 };
  return { text, lineCounter: linesOf(text), documents: [], streamErrors: [problem], insertions: [] };
}

function syntaxErrors(doc: Document.Parsed) {
  return doc.errors.filter((error) => !isStackOverflow(error));
}

function errorCount(docs: readonly Document.Parsed[]): number {
  return docs.reduce((sum, doc) => sum + syntaxErrors(doc).length, 0);
}

/** One broken document never floods: its first error, with the number of the others. */
function firstError(doc: Document.Parsed): YamlProblem[] {
  const errors = syntaxErrors(doc);
  const first = errors[0];
  if (!first) return [];
  const more = errors.length - 1;
  const suffix = more === 0 ? '' : ` (${more} more error${more === 1 ? '' : 's'} in this document)`;
  return [{ ruleId: 'yaml-syntax-error', message: plainYamlMessage(first.message) + suffix, start: first.pos[0], end: Math.max(first.pos[1], first.pos[0] + 1) }];
}

function mergeInsertions(a: readonly Insertion[], b: readonly Insertion[]): Insertion[] {
  const byOffset = new Map<number, number>();
  for (const { at, count } of [...a, ...b]) byOffset.set(at, (byOffset.get(at) ?? 0) + count);
  return [...byOffset].map(([at, count]) => ({ at, count })).sort((x, y) => x.at - y.at);
}

function linesOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

/** Comment-only documents and the one after a trailing `---` hold nothing to lint. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && contents.source === '' && !contents.tag && !contents.anchor);
}

/**
 * The parser appends "at line L, column C:" and a code frame, and may quote the token it choked on;
 * the region already says where, and a quoted token can be a credential.
 */
export function plainYamlMessage(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut === -1 ? message : message.slice(0, cut)).trim().replace(/: ".*"$/s, '');
}

/** Offsets of `file.text` to a 1-based region of the file as written, clamped so it stays inside the file. */
export function regionOf(file: ParsedFile, start: number, end: number): Region {
  const length = file.text.length;
  const from = originalOffset(file.insertions, Math.min(Math.max(start, 0), length));
  const to = Math.max(originalOffset(file.insertions, Math.min(Math.max(end, start), length)), from);
  const a = file.lineCounter.linePos(from);
  const b = file.lineCounter.linePos(to);
  return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
}
