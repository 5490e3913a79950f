/** Which findings the Action reports, in what order, and how many of each level. */
import { countFindings, plural } from '../formatters/summary.js';
import { LEVELS, type Finding } from '../types.js';

export { plural };

/** Suppressed findings never fail and are never annotated. Errors first, then by file and position. */
export function reportable(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => f.suppression === undefined)
    .sort(
      (a, b) =>
        LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
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
  const { error, warning, note } = countFindings(findings);
  return { findings: findings.length, errors: error, warnings: warning, notes: note };
}

export function describeCounts(counts: LevelCounts): string {
  return [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.notes, 'note')].join(', ');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
