/** GitHub workflow commands: an annotation per finding, at its exact lines. */
import { visible } from '../redact/visible.js';
import { LEVELS, type Finding, type LintResult } from '../types.js';
import type { FormatContext } from './context.js';
import { countFindings, messageWithTemplate, plural } from './summary.js';

const COMMAND: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'notice' };

export function* githubChunks(result: LintResult, _context: FormatContext): Generator<string, void> {
  const active = result.findings.filter((finding) => !finding.suppression);
  // GitHub shows only the first annotations of each level per step: errors go first.
  const sorted = active.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  for (const finding of sorted) yield `${annotation(finding)}\n`;
  const counts = countFindings(result.findings);
  yield `kmlint: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')} in ${plural(result.files.length, 'file')}.\n`;
}

export function annotation(finding: Finding): string {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  const properties = [`file=${escapeProperty(finding.file)}`, `line=${startLine}`, `endLine=${endLine}`];
  // Columns are only allowed on single-line annotations.
  if (startLine === endLine) properties.push(`col=${startColumn}`, `endColumn=${endColumn}`);
  properties.push(`title=${escapeProperty(finding.ruleId)}`);
  return `::${COMMAND[finding.level]} ${properties.join(',')}::${escapeData(messageWithTemplate(finding))}`;
}

/** Control characters are shown visibly first; what GitHub's parser gives meaning to is percent-encoded. */
function escapeData(text: string): string {
  return visible(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
