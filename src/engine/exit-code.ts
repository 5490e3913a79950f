/** 0 clean, 1 findings at or above the threshold (or too many warnings), 2 internal errors. */
import type { Level, LintResult } from '../types.js';

export interface ExitOptions {
  failOn: Level;
  /** More active warnings than this fails the run, like ESLint's --max-warnings. */
  maxWarnings?: number;
}

const RANK: Record<Level, number> = { error: 3, warning: 2, note: 1 };

export function exitCode(result: Pick<LintResult, 'findings' | 'internalErrors'>, options: ExitOptions): 0 | 1 | 2 {
  if (result.internalErrors > 0) return 2;
  const active = result.findings.filter((finding) => !finding.suppression);
  if (active.some((finding) => RANK[finding.level] >= RANK[options.failOn])) return 1;
  if (options.maxWarnings !== undefined && active.filter((finding) => finding.level === 'warning').length > options.maxWarnings) return 1;
  return 0;
}
