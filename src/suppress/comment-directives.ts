/**
 * `# kmlint-disable…` comments → suppression entries. Comments come from the YAML parser's CST, so a `#`
 * inside a quoted string or a block scalar is never a directive. Lines are those of the file as linted,
 * which is why the directives still work on `helm template` output.
 */
import { Parser } from 'yaml';
import { findingAtOffsets, type FindingSite } from '../findings/build.js';
import type { LintedFile } from '../engine/lint-file.js';
import type { Finding } from '../types.js';
import type { ParsedDocument } from '../yaml/parse.js';
import { parseDirective, type ParsedDirective } from './directive-syntax.js';
import type { SuppressionEntry } from './entry.js';

interface CommentToken {
  offset: number;
  source: string;
}

interface Directive extends ParsedDirective {
  offset: number;
  end: number;
  line: number;
  column: number;
  /** The `# Source:` template of the comment's document: file-wide and open ranges stop at its edge. */
  scope: string | undefined;
  site: FindingSite;
}

export function commentDirectives(linted: LintedFile): SuppressionEntry[] {
  const { parsed } = linted;
  // Cheap gate: a file without the word cannot hold a directive, and most files do not.
  if (!parsed.text.includes('kmlint-') || parsed.documents.length === 0) return [];
  const comments = commentTokens(parsed.text);
  const lines = parsed.text.split(/\r?\n/);
  // Lines holding nothing but a comment (a trailing comment leaves its line a code line).
  const commentLines = new Set<number>();
  for (const comment of comments) {
    const { line, col } = parsed.lineCounter.linePos(comment.offset);
    if (lines[line - 1]!.slice(0, col - 1).trim() === '') commentLines.add(line);
  }
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsedDirective = parseDirective(comment.source);
    if (!parsedDirective) continue;
    const { line, col } = parsed.lineCounter.linePos(comment.offset);
    const document = documentAt(parsed.documents, comment.offset);
    const scope = document.helmTemplate;
    const site: FindingSite = { file: linted.file, parsed, document, helmTemplate: scope };
    directives.push({ ...parsedDirective, offset: comment.offset, end: comment.offset + comment.source.length, line, column: col, scope, site });
  }
  const entries: SuppressionEntry[] = [];
  const open = new Map<string, { directive: Directive; rule: string | undefined }>();
  const lastLine = lines.length;
  const closeRange = (key: string, endLine: number): void => {
    const range = open.get(key);
    if (!range) return;
    open.delete(key);
    entries.push(entry(range.directive, range.rule, (finding) => inScope(finding, range.directive) && finding.region.startLine >= range.directive.line && finding.region.startLine < endLine));
  };
  for (const directive of directives) {
    const rules: (string | undefined)[] = directive.rules.length > 0 ? directive.rules : [undefined];
    switch (directive.kind) {
      case 'disable-next-line': {
        const target = nextCodeLine(directive.line, lines, commentLines);
        const last = nodeEndLine(target, lines);
        for (const rule of rules) entries.push(entry(directive, rule, (finding) => finding.region.startLine >= target && finding.region.startLine <= last));
        break;
      }
      case 'disable-line':
        for (const rule of rules) entries.push(entry(directive, rule, (finding) => finding.region.startLine === directive.line));
        break;
      case 'disable-file':
        for (const rule of rules) entries.push(entry(directive, rule, (finding) => inScope(finding, directive)));
        break;
      case 'disable':
        for (const rule of rules) {
          const key = rule ?? '*';
          closeRange(key, directive.line); // a second disable restarts the range
          open.set(key, { directive, rule });
        }
        break;
      case 'enable':
        if (directive.rules.length === 0) for (const key of [...open.keys()]) closeRange(key, directive.line);
        else for (const rule of directive.rules) closeRange(rule, directive.line);
        break;
    }
  }
  // An open range runs to the end of the file (of its template, for Helm output), as in ESLint.
  for (const key of [...open.keys()]) closeRange(key, lastLine + 1);
  return entries;
}

function entry(directive: Directive, rule: string | undefined, covers: (finding: Finding) => boolean): SuppressionEntry {
  const result: SuppressionEntry = {
    source: 'comment',
    at: `${directive.site.file}:${directive.line}:${directive.column}`,
    label: `kmlint-${directive.kind}`,
    covers,
    reportAt: (ruleId, level, message) => findingAtOffsets(directive.site, ruleId, level, message, directive.offset, directive.end),
  };
  if (rule !== undefined) result.rule = rule;
  if (directive.reason) result.reason = directive.reason;
  if (directive.expires) result.expires = directive.expires;
  return result;
}

function inScope(finding: Finding, directive: Directive): boolean {
  return directive.scope === undefined || finding.helmTemplate === directive.scope;
}

/** ESLint's "next line", skipping blank and comment-only lines so stacked directives all reach the code. */
function nextCodeLine(line: number, lines: readonly string[], commentLines: ReadonlySet<number>): number {
  let next = line + 1;
  while (next <= lines.length && (commentLines.has(next) || lines[next - 1]!.trim() === '')) next++;
  return next;
}

/**
 * The last line of the YAML node that starts on `line`: the lines below it that are indented deeper
 * (blank and comment lines included), so a directive above `- name: DB_PASSWORD` reaches its `value:`.
 * A key's block sequence may sit at the key's own indentation (`env:` then `- name:`).
 */
export function nodeEndLine(line: number, lines: readonly string[]): number {
  const start = lines[line - 1];
  if (start === undefined) return line;
  const indent = indentOf(start);
  const isKey = !/^\s*-(?:\s|$)/.test(start) && /:\s*(?:#.*)?$/.test(start);
  if (/^\s*(?:---|\.\.\.)(?:\s|$)/.test(start)) return line;
  let last = line;
  for (let next = line + 1; next <= lines.length; next++) {
    const text = lines[next - 1]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const deeper = indentOf(text) > indent || (isKey && indentOf(text) === indent && /^\s*-(?:\s|$)/.test(text));
    if (!deeper) break;
    last = next;
  }
  return last;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The document a comment belongs to: comments between documents go with the next one, as the composer does. */
function documentAt(documents: readonly ParsedDocument[], offset: number): ParsedDocument {
  for (const document of documents) {
    if (offset < document.range[2]!) return document;
  }
  return documents[documents.length - 1]!;
}

/** Every comment token of the CST, with its offset. */
function commentTokens(text: string): CommentToken[] {
  const found: CommentToken[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, source: token.source });
      return;
    }
    for (const child of Object.values(value)) if (typeof child === 'object') walk(child);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}
