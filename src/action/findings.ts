/** Which findings the Action reports, in what order, and how many of each level. */
import type { Finding, Level } from '../types.js';

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, note: 2 };

/** Suppressed findings never fail and are never annotated. Errors first, then by file and position. */
export function reportable(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => f.suppression === undefined)
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        compareText(a.file, b.file) ||
        a.region.startLine - b.region.startLine ||
        a.region.startColumn - b.region.startColumn ||
        compareText(a.ruleId, b.ruleId),
    );
}

export interface LevelCounts {
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
}

export function countLevels(findings: readonly Finding[]): LevelCounts {
  const counts = { findings: findings.length, errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.level === 'error') counts.errors++;
    else if (f.level === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

export function describeCounts(counts: LevelCounts): string {
  return [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.notes, 'note')].join(', ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
