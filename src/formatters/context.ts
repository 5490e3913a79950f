/** What every formatter receives besides the result. */
import type { RuleMeta } from '../engine/define-rule.js';

export interface FormatContext {
  cwd: string;
  version: string;
  /** Every rule kmlint knows, in a stable order (SARIF lists them all, so rule metadata stays current). */
  rules: readonly RuleMeta[];
  /** Source text of files with findings, for code frames. */
  sources?: { get(file: string): string | undefined };
  codeFrame?: boolean;
  color?: boolean;
  /** List suppressed findings in the text report (they are always counted). */
  showSuppressed?: boolean;
  /** Keep suppressed results in SARIF, with `suppressions[]`. */
  sarifIncludeSuppressed?: boolean;
  /** Characters a report keeps aside in memory before it moves them to a temporary file (`Spill`; tests set 0). */
  spillFrom?: number;
}
