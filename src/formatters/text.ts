/** The terminal report: grouped by file, `line:col  level  message  rule-id`, each with its source line. */
import { styleText } from 'node:util';
import { visible, visibleLine } from '../redact/visible.js';
import type { Finding, LintResult } from '../types.js';
import type { FormatContext } from './context.js';
import { countFindings, plural } from './summary.js';

type Style = Parameters<typeof styleText>[0];
const LEVEL_STYLE: Record<Finding['level'], Style> = { error: 'red', warning: 'yellow', note: 'blue' };

export function formatText(result: LintResult, context: FormatContext): string {
  const paint = (style: Style, text: string): string => (context.color ? styleText(style, text) : text);
  const shown = result.findings.filter((finding) => !finding.suppression || context.showSuppressed);
  const byFile = new Map<string, Finding[]>();
  for (const finding of shown) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(paint('underline', visibleLine(file)));
    const lines = context.sources?.get(file)?.split(/\r?\n/);
    for (const finding of findings) {
      const { startLine, startColumn } = finding.region;
      const where = paint('dim', `${startLine}:${startColumn}`.padEnd(8));
      const level = paint(LEVEL_STYLE[finding.level], finding.level.padEnd(8));
      const suppressed = finding.suppression ? paint('dim', ` [suppressed by ${finding.suppression.source}${finding.suppression.reason ? `: ${visible(finding.suppression.reason)}` : ''}]`) : '';
      out.push(`  ${where}${level}${visible(finding.message)}  ${paint('dim', finding.ruleId)}${suppressed}`);
      if (context.codeFrame !== false && lines) {
        out.push(...codeFrame(lines, finding).map((line) => paint('dim', line)));
      }
      if (finding.helmTemplate) out.push(`          ${paint('dim', `Helm template: ${visible(finding.helmTemplate)}`)}`);
    }
    out.push('');
  }

  const counts = countFindings(result.findings);
  const total = counts.error + counts.warning + counts.note;
  const suppressed = counts.suppressed > 0 ? `, ${counts.suppressed} suppressed${context.showSuppressed ? '' : ' (--show-suppressed lists them)'}` : '';
  const summary = `${total === 0 ? '✔' : '✖'} ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}${suppressed}) in ${plural(result.files.length, 'file')}, ${plural(result.objects, 'object')}`;
  out.push(paint(counts.error > 0 ? 'red' : total > 0 ? 'yellow' : 'green', summary));
  return `${out.join('\n')}\n`;
}

/** The offending line with the reported span underlined; credentials in the sources are already masked. */
function codeFrame(lines: readonly string[], finding: Finding): string[] {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  const source = lines[startLine - 1];
  if (source === undefined) return [];
  const shown = visible(source);
  const last = endLine === startLine ? Math.max(endColumn, startColumn + 1) : shown.length + 1;
  const gutter = String(startLine).padStart(6);
  const underline = ' '.repeat(startColumn - 1) + '^'.repeat(Math.max(1, Math.min(last, shown.length + 1) - startColumn));
  return [`${gutter} | ${shown}`, `${' '.repeat(6)} | ${underline}`];
}
