import type { Finding, Level } from '../types.js';

export interface Counts {
  error: number;
  warning: number;
  note: number;
  suppressed: number;
}

/** Counts active findings per level; suppressed ones are counted apart and never fail a run. */
export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppression) counts.suppressed++;
    else counts[finding.level satisfies Level]++;
  }
  return counts;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
