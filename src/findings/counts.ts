/** Counts of a run's findings per level, shared by the exit code and the reports. */
import type { Finding, Level } from '../types.js';

export interface Counts {
  error: number;
  warning: number;
  note: number;
  suppressed: number;
}

/**
 * Findings that keep what was computed from one reading of them until they change (the CLI's spool, where
 * each reading parses every finding again: the exit code and the JSON, text and GitHub reports count the
 * same findings).
 */
interface Remembering {
  remember<T>(key: string, compute: () => T): T;
  /** Counts known without a reading (the spool counts its lines as they come). */
  knownCounts(): Counts | undefined;
}

/** Counts active findings per level; suppressed ones are counted apart and never fail a run. */
export function countFindings(findings: Iterable<Finding>): Counts {
  const known = (findings as Partial<Remembering>).knownCounts?.();
  if (known) return known;
  const remembered = (findings as Partial<Remembering>).remember?.('counts', () => tally(findings));
  return remembered ? { ...remembered } : tally(findings);
}

/** Adds `more` to `total`. */
export function addCounts(total: Counts, more: Counts): void {
  total.error += more.error;
  total.warning += more.warning;
  total.note += more.note;
  total.suppressed += more.suppressed;
}

function tally(findings: Iterable<Finding>): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppression) counts.suppressed++;
    else counts[finding.level satisfies Level]++;
  }
  return counts;
}

