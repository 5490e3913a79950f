/** The run's outcome → the process exit code: 0 clean, 1 findings at/above the threshold, 2 internal errors. */
import type { Finding, Level, LintResult } from '../types.js';

export interface ExitCodeOptions {
  /** Lowest level that fails the run (default `error`). */
  failOn?: Level;
  /** More unsuppressed warnings than this fails the run, whatever `failOn` says (ESLint's --max-warnings). */
  maxWarnings?: number;
}

const RANK: Record<Level, number> = { note: 0, warning: 1, error: 2 };

export function exitCode(result: Pick<LintResult, 'internalErrors'> & { findings: Iterable<Finding> }, options: ExitCodeOptions = {}): 0 | 1 | 2 {
  if (result.internalErrors > 0) return 2;
  const threshold = RANK[options.failOn ?? 'error'];
  let warnings = 0;
  let failing = false;
  for (const finding of result.findings) {
    // Suppressed findings are kept for the report, never for the verdict.
    if (finding.suppression) continue;
    if (finding.level === 'warning') warnings++;
    if (RANK[finding.level] >= threshold) failing = true;
  }
  if (failing) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}
