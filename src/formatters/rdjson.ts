/**
 * reviewdog's Diagnostic Format (`reviewdog -f=rdjson`). Its columns count UTF-8 bytes, ours UTF-16
 * code units: the source line converts one into the other.
 */
import { HOMEPAGE } from '../version.js';
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { jsonChunks, mapped, streamed } from './json-stream.js';
import { isActive, kept, messageWithTemplate, sourceLines } from './summary.js';

const SEVERITY: Record<Finding['level'], string> = { error: 'ERROR', warning: 'WARNING', note: 'INFO' };

export function* rdjsonChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  // Findings come file by file: only the current file's lines are held.
  let lines: { file: string; lines: string[] | undefined } | undefined;
  const linesOf = (file: string): string[] | undefined => {
    if (lines?.file === file) return lines.lines;
    const text = context.sources?.get(file);
    lines = { file, lines: text === undefined ? undefined : sourceLines(text) };
    return lines.lines;
  };
  const active = kept(result.findings, isActive);
  const diagnostics = mapped(active, (finding) => {
      const source = linesOf(finding.file);
      const { startLine, startColumn, endLine, endColumn } = finding.region;
      return {
        message: messageWithTemplate(finding),
        location: {
          path: finding.file,
          range: {
            start: { line: startLine, column: byteColumn(source?.[startLine - 1], startColumn) },
            end: { line: endLine, column: byteColumn(source?.[endLine - 1], endColumn) },
          },
        },
        severity: SEVERITY[finding.level],
        code: { value: finding.ruleId, ...(finding.helpUri ? { url: finding.helpUri } : {}) },
      };
    });
  yield* jsonChunks({ source: { name: 'kmlint', url: HOMEPAGE }, diagnostics: streamed(diagnostics) });
  yield '\n';
}

/** 1-based UTF-16 column → 1-based UTF-8 byte column on the same line. */
export function byteColumn(line: string | undefined, column: number): number {
  if (line === undefined) return column;
  return Buffer.byteLength(line.slice(0, column - 1), 'utf8') + 1;
}
