/** GitHub workflow commands: an annotation per finding, at its exact lines. */
import { visible } from '../redact/visible.js';
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { Spill } from './spill.js';
import { countFindings, lastAnswer, messageWithTemplate, plural } from './summary.js';

const COMMAND: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'notice' };

export function* githubChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  // GitHub shows only the first annotations of each level per step: errors go first, the others are kept
  // aside until the one reading of the findings is done.
  const later = { warning: new Spill(context.spillFrom), note: new Spill(context.spillFrom) };
  try {
    for (const finding of result.findings) {
      if (finding.suppression) continue;
      if (finding.level === 'error') {
        yield `${annotation(finding)}\n`;
        continue;
      }
      // A level GitHub has no command for (a hand-edited shard report) is left out, as it always was.
      if (!Object.hasOwn(later, finding.level)) continue;
      later[finding.level as keyof typeof later].add(`${annotation(finding)}\n`);
      // Nothing to write yet: a writer of several reports moves the others along the reading they share.
      yield '';
    }
    yield* later.warning.text();
    yield* later.note.text();
  } finally {
    later.warning.close();
    later.note.close();
  }
  const counts = countFindings(result.findings);
  yield `kmlint: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')} in ${plural(result.files.length, 'file')}.\n`;
}

export function annotation(finding: Finding): string {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  // Columns are only allowed on single-line annotations.
  const columns = startLine === endLine ? `,col=${startColumn},endColumn=${endColumn}` : '';
  const properties = `file=${escapedFile(finding.file)},line=${startLine},endLine=${endLine}${columns},title=${escapeProperty(finding.ruleId)}`;
  return `::${COMMAND[finding.level]} ${properties}::${escapeData(messageWithTemplate(finding))}`;
}

const escapedFile = lastAnswer((file) => escapeProperty(file));

/** Control characters are shown visibly first; what GitHub's parser gives meaning to is percent-encoded. */
function escapeData(text: string): string {
  return visible(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
