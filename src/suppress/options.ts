/** The suppression stage's options and file shapes, apart from its code (the library's public types reach them). */
import type { Region } from '../types.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** For the reader of the file: `Deployment default/web`. */
  object?: string;
  message: string;
}

export interface Baseline {
  kmlintBaselineVersion: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

export interface Exemption {
  /** Rule ids; empty means every rule. */
  rules: readonly string[];
  /** Globs (`*`, `?`, `{a,b}`) matched against the object's kind, namespace, name and container names. */
  kind?: string;
  namespace?: string;
  name?: string;
  container?: string;
  /** Glob of the file (or of the Helm `# Source:` template), relative to the config file's folder. */
  path?: string;
  reason: string;
  expires?: string;
  /** Where the exemption is written in the config file. */
  origin: { file: string; region: Region };
}

/** Per config exemption entry, in order: bit 1 used, bit 2 hit while expired, bit 4 hit on a strict rule. */
export type ExemptionUsage = number[];

export interface SuppressOptions {
  exemptions?: readonly Exemption[];
  /** The config file's folder: exemption paths are relative to it (default: the working directory). */
  configDir?: string;
  /** Rules that annotations and comments cannot suppress. */
  strict?: readonly string[];
  /** Ignore annotations and comments altogether (config exemptions and the baseline still apply). */
  noInlineSuppressions?: boolean;
  /** A suppression without a reason becomes a `suppression-missing-reason` finding. */
  requireReason?: boolean;
  baseline?: { file: string; baseline: Baseline };
  /** YYYY-MM-DD; tests pin it. */
  today?: string;
}

