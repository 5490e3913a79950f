/** The terminal report: grouped by file, `line:col  level  message  rule-id`, each with its source line. */
import { styleText } from 'node:util';
import { visible, visibleLine } from '../redact/visible.js';
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { byFile, countFindings, plural, sourceLines } from './summary.js';

type Style = Parameters<typeof styleText>[0];
const LEVEL_STYLE: Record<Finding['level'], Style> = { error: 'red', warning: 'yellow', note: 'blue' };

export function formatText(result: FormatInput, context: FormatContext): string {
  return [...textChunks(result, context)].join('');
}

/** One chunk per file (its findings and code frames), then the summary. */
export function* textChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  // The caller decided on colour (`--color`, NO_COLOR, FORCE_COLOR, a terminal): Node's own look at stdout would
  // drop it when piped, and stdout is not where a report to a file goes.
  const paint = (style: Style, text: string): string => (context.color ? styleText(style, text, { validateStream: false }) : text);
  const shown = (finding: Finding): boolean => !finding.suppression || context.showSuppressed === true;
  // Every active finding is shown, so the count per rule is taken along: one reading of a spooled run fewer.
  const perRuleCounts = new Map<string, number>();
  for (const [file, findings] of byFile(result.findings, shown)) {
    for (const finding of findings) if (!finding.suppression) perRuleCounts.set(finding.ruleId, (perRuleCounts.get(finding.ruleId) ?? 0) + 1);
    const out: string[] = [paint('underline', visibleLine(file))];
    const text = context.sources?.get(file);
    const lines = text === undefined ? undefined : sourceLines(text);
    findings.forEach((finding, index) => {
      const { startLine, startColumn } = finding.region;
      const where = paint('dim', `${startLine}:${startColumn}`.padEnd(8));
      const level = paint(LEVEL_STYLE[finding.level], finding.level.padEnd(8));
      const suppressed = finding.suppression ? paint('dim', ` [suppressed by ${finding.suppression.source}${finding.suppression.reason ? `: ${visible(finding.suppression.reason)}` : ''}]`) : '';
      out.push(`  ${where}${level}${visible(finding.message)}  ${paint('dim', finding.ruleId)}${suppressed}`);
      // Findings that start on the same line share one code frame, under the last of them.
      const group = sameLineGroup(findings, index);
      if (context.codeFrame !== false && lines && group) out.push(...codeFrame(lines, group).map((line) => paint('dim', line)));
      if (finding.helmTemplate) out.push(`          ${paint('dim', `Helm template: ${visible(finding.helmTemplate)}`)}`);
      for (const other of finding.related ?? []) {
        out.push(`          ${paint('dim', `related: ${visible(other.file)}:${other.region.startLine}:${other.region.startColumn} ${visible(other.message)}`)}`);
      }
      if (finding.relatedOmitted) out.push(`          ${paint('dim', `related: and ${finding.relatedOmitted} more, not listed`)}`);
    });
    out.push('');
    yield `${out.join('\n')}\n`;
  }

  const out: string[] = [];
  const perRule = ruleCounts(perRuleCounts);
  if (perRule) out.push(...perRule, '');

  const counts = countFindings(result.findings);
  const total = counts.error + counts.warning + counts.note;
  const suppressed = counts.suppressed > 0 ? `, ${counts.suppressed} suppressed${context.showSuppressed ? '' : ' (--show-suppressed lists them)'}` : '';
  const summary = `${total === 0 ? '✔' : '✖'} ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}${suppressed}) in ${plural(result.files.length, 'file')}, ${plural(result.objects, 'object')}`;
  out.push(paint(counts.error > 0 ? 'red' : total > 0 ? 'yellow' : 'green', summary));
  yield `${out.join('\n')}\n`;
}

/** Above this many problems, the report ends with a count per rule. */
const RULE_COUNT_FROM = 20;

/** Active findings per rule, most frequent first; undefined for short reports. */
function ruleCounts(counts: ReadonlyMap<string, number>): string[] | undefined {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total <= RULE_COUNT_FROM) return undefined;
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = String(sorted[0]![1]).length;
  return ['Problems per rule:', ...sorted.map(([id, count]) => `  ${String(count).padStart(width)}  ${id}`)];
}

/**
 * When findings[index] is the last of the findings starting on its line: the region its frame
 * underlines (from the first start to the furthest end on that line). Otherwise undefined.
 */
function sameLineGroup(findings: readonly Finding[], index: number): Finding['region'] | undefined {
  const line = findings[index]!.region.startLine;
  if (findings[index + 1]?.region.startLine === line) return undefined;
  // Walked back in place: a line may hold many findings, and this runs for every finding of a report.
  let startColumn = Infinity;
  let endColumn = -Infinity;
  let multiLine = false;
  for (let first = index; first >= 0 && findings[first]!.region.startLine === line; first--) {
    const region = findings[first]!.region;
    startColumn = Math.min(startColumn, region.startColumn);
    endColumn = Math.max(endColumn, region.endColumn);
    multiLine ||= region.endLine !== line;
  }
  return { startLine: line, startColumn, endLine: multiLine ? line + 1 : line, endColumn: multiLine ? Infinity : endColumn };
}

/** The offending line with the reported span underlined; credentials in the sources are already masked. */
function codeFrame(lines: readonly string[], region: Finding['region']): string[] {
  const { startLine, startColumn, endLine, endColumn } = region;
  const source = lines[startLine - 1];
  if (source === undefined) return [];
  const shown = visible(source);
  const last = endLine === startLine ? Math.max(endColumn, startColumn + 1) : shown.length + 1;
  const gutter = String(startLine).padStart(6);
  const underline = ' '.repeat(startColumn - 1) + '^'.repeat(Math.max(1, Math.min(last, shown.length + 1) - startColumn));
  return [`${gutter} | ${shown}`, `${' '.repeat(6)} | ${underline}`];
}
