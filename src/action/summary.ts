/** The Markdown report for the job summary page and the check run: counts by rule, then findings by file. */
import { visible } from '../redact/visible.js';
import type { Finding } from '../types.js';
import { countLevels, describeCounts, plural } from './findings.js';

/** GitHub refuses a step summary over 1 MiB ("supports content up to a size of 1024k"). */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** Check run `output.summary` holds at most 65,535 characters (bytes are never fewer than characters). */
export const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;

export interface SummaryInput {
  /** Reportable findings, already sorted (see findings.ts). */
  findings: readonly Finding[];
  files: number;
  objects: number;
  failOn: string;
  failed: boolean;
  /** One sentence saying where the annotations went, e.g. that a fork's token forced workflow commands. */
  annotationNote?: string;
  sarifFile?: string;
  /** Rule id → one-sentence summary, for the rule table. */
  ruleSummaries?: ReadonlyMap<string, string>;
  maxBytes: number;
}

/** Room kept for the closing "left out" line, so adding it never crosses the limit. */
const TRAILER_RESERVE = 512;

export function buildSummary(input: SummaryInput): string {
  const { findings } = input;
  const counts = countLevels(findings);
  const head: string[] = [
    '## kmlint',
    '',
    `${input.failed ? '❌' : '✅'} **${describeCounts(counts)}** in ${plural(input.files, 'file')} ` +
      `(${plural(input.objects, 'Kubernetes object')}); ` +
      (input.failOn === 'none' ? 'findings do not fail the step.' : `the step fails on \`${input.failOn}\` and above.`),
  ];
  if (input.annotationNote) head.push('', input.annotationNote);
  if (findings.length === 0) return `${head.join('\n')}\n`;

  head.push('', '### Findings by rule', '', '| Rule | Level | Findings | Help |', '| --- | --- | ---: | --- |');
  for (const row of byRule(findings)) {
    const summary = input.ruleSummaries?.get(row.ruleId);
    const rule = summary ? `\`${row.ruleId}\` ${cell(summary)}` : `\`${row.ruleId}\``;
    head.push(`| ${rule} | ${row.level} | ${row.count} | ${row.helpUri ? `[docs](${row.helpUri})` : ''} |`);
  }
  head.push('', '### Findings by file', '', '| File | Line | Level | Rule | Message |', '| --- | ---: | --- | --- | --- |');

  const budget = input.maxBytes - TRAILER_RESERVE;
  let text = `${head.join('\n')}\n`;
  let bytes = Buffer.byteLength(text);
  let shown = 0;
  for (const f of byFile(findings)) {
    const row = `| ${cell(f.file)} | ${f.region.startLine} | ${f.level} | \`${f.ruleId}\` | ${cell(f.message)} |\n`;
    const rowBytes = Buffer.byteLength(row);
    if (bytes + rowBytes > budget) break;
    text += row;
    bytes += rowBytes;
    shown++;
  }
  const leftOut = findings.length - shown;
  if (leftOut > 0) {
    const where = input.sarifFile ? `the SARIF file \`${cell(input.sarifFile)}\` has them all` : 'run kmlint locally to see them all';
    text += `\n_${plural(leftOut, 'more finding')} left out to stay within GitHub's size limit; ${where}._\n`;
  }
  return text;
}

interface RuleRow {
  ruleId: string;
  level: string;
  count: number;
  helpUri?: string;
}

/** Most frequent rule first; the level shown is the most severe one the rule reported. */
function byRule(findings: readonly Finding[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const f of findings) {
    const row = rows.get(f.ruleId);
    if (row) row.count++;
    // Findings are sorted errors first, so the first finding of a rule carries its most severe level.
    else rows.set(f.ruleId, { ruleId: f.ruleId, level: f.level, count: 1, helpUri: f.helpUri });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
}

function byFile(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.region.startLine - b.region.startLine,
  );
}

/**
 * Table cells hold text from manifests and file names: one line, no column break, and no Markdown
 * or HTML of its own (links, images, emphasis, autolinked URLs all shown as written).
 */
export function cell(text: string): string {
  return visible(text.replace(/\r\n?|\n/g, ' '))
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/@/g, '&#64;')
    .replace(/\b(www)\./gi, '$1&#46;');
}
