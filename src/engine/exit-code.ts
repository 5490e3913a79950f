/** The run's outcome → the process exit code: 0 clean, 1 findings at/above the threshold, 2 internal errors. */
import { countFindings } from '../findings/counts.js';
import { LEVELS, type Finding, type Level, type LintResult } from '../types.js';

export interface ExitCodeOptions {
  /** Lowest level that fails the run (default `error`). */
  failOn?: Level;
  /** More unsuppressed warnings than this fails the run, whatever `failOn` says (ESLint's --max-warnings). */
  maxWarnings?: number;
}

const RANK: Record<Level, number> = { note: 0, warning: 1, error: 2 };

export function exitCode(result: Pick<LintResult, 'internalErrors'> & { findings: Iterable<Finding> }, options: ExitCodeOptions = {}): 0 | 1 | 2 {
  if (result.internalErrors > 0) return 2;
  // Suppressed findings are kept for the report, never for the verdict; the reports counted the same.
  const counts = countFindings(result.findings);
  const threshold = RANK[options.failOn ?? 'error'];
  const failing = LEVELS.some((level) => RANK[level] >= threshold && counts[level] > 0);
  if (failing) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) return 1;
  return 0;
}
