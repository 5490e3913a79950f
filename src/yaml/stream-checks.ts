/**
 * Stream-level rules of YAML 1.2 that the `yaml` parser lets through: a byte order mark inside a
 * document, a %YAML directive given twice, a directive with no document after it.
 * Only lexes when the text could break one of them, so ordinary files pay nothing.
 */
import { Lexer } from 'yaml';
import type { YamlProblem } from './parse.js';

/** The lexer's control tokens mark modes; they stand for no character of the source. */
const CONTROL = new Set(['\x02', '\x18', '\x1f']);
/** Announces that the next token is scalar content (a `%` there is text, not a directive). */
const SCALAR = '\x1f';
const BOM = '\uFEFF';

export function streamProblems(text: string): YamlProblem[] {
  const hasInnerBom = text.indexOf(BOM, 1) !== -1;
  const hasDirective = /^%/m.test(text);
  if (!hasInnerBom && !hasDirective) return [];

  const problems: YamlProblem[] = [];
  let offset = 0;
  let yamlDirectives = 0;
  let pendingDirective: { start: number; end: number } | undefined;
  let afterDocumentEnd = false;
  let scalar = false;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) {
      scalar = token === SCALAR;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (scalar) {
      scalar = false;
      afterDocumentEnd = false;
      continue;
    }
    if (token === BOM) {
      if (start > 0 && !afterDocumentEnd) problems.push(problem('A byte order mark may only start a document.', start, offset));
      continue;
    }
    if (token === '\n' || token === '\r\n' || /^[ \t]+$/.test(token)) continue;
    if (token.startsWith('%')) {
      pendingDirective = { start, end: offset };
      if (token.startsWith('%YAML') && ++yamlDirectives > 1) problems.push(problem('The %YAML directive is given twice for one document.', start, offset));
    } else if (token === '---') {
      pendingDirective = undefined;
      yamlDirectives = 0;
    } else if (!token.startsWith('#')) {
      afterDocumentEnd = token === '...';
      continue;
    }
    afterDocumentEnd = false;
  }
  if (pendingDirective) problems.push(problem('A directive must be followed by a document (---).', pendingDirective.start, pendingDirective.end));
  return problems;
}

function problem(message: string, start: number, end: number): YamlProblem {
  return { ruleId: 'yaml-syntax-error', message, start, end };
}
