/** Shared vocabulary of the engine, the rules and the formatters. */

/** SARIF's levels; `off` exists only in configuration. */
export type Level = 'error' | 'warning' | 'note';
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

export type PathSegment = string | number;
/** Keys and sequence indices from the root of a YAML document. */
export type Path = readonly PathSegment[];

/** 1-based lines and columns; `endColumn` is exclusive, counted in UTF-16 code units. */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
}

export type SuppressionSource = 'annotation' | 'comment' | 'config' | 'baseline';

export interface Suppression {
  source: SuppressionSource;
  reason?: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies. */
  expires?: string;
  /** Where the suppression was written, e.g. `.kmlint.yaml:12:5` or `deploy.yaml:8:3`. */
  at?: string;
}

export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  /** Forward-slash path relative to the working directory (or the --stdin-filename). */
  file: string;
  region: Region;
  /** True when the exact node could not be found and an ancestor's region is used. */
  approximate?: boolean;
  /** Path from the document root to the reported node ([] for file-level findings). */
  path: Path;
  /** 0-based index of the YAML document in its file. */
  documentIndex?: number;
  object?: ObjectRef;
  /** The container the rule was looking at, when it reported from a container visitor. */
  container?: string;
  /** The `# Source:` template that `helm template` wrote before the document. */
  helmTemplate?: string;
  /** Stable identity that does not depend on line numbers. */
  fingerprint: string;
  helpUri?: string;
  /** Set when the finding is suppressed; suppressed findings never fail a run. */
  suppression?: Suppression;
}

/** What happened to one input file. */
export interface FileReport {
  file: string;
  /** Kubernetes objects linted (List items counted one by one). */
  objects: number;
  /** Non-empty YAML documents in the file. */
  documents: number;
  /** Set when the file was not linted at all; the reason is one line for the user. */
  skipped?: string;
  /** What kmlint made of the file, decided by its content (see docs/output-formats.md). */
  decision?: FileDecision;
  /** Why, in a few words. */
  reason?: string;
}

/**
 * `manifest`: linted. `not-kubernetes`: no Kubernetes object, skipped quietly. `kustomization`:
 * linted, but holds no object for the cluster. `kustomize-patch`, `test-assertion`: partial
 * objects, not linted. `skipped`: not read (special, binary, too large, unreadable).
 */
export type FileDecision = 'manifest' | 'not-kubernetes' | 'kustomization' | 'kustomize-patch' | 'test-assertion' | 'skipped';

/** What a `--baseline` run did with the baseline file. */
export interface BaselineSummary {
  file: string;
  entries: number;
  /** Findings of this run hidden because they are in the baseline. */
  matched: number;
  /** Entries with no finding any more: fixed (or their object renamed) since the baseline was written. */
  fixed: number;
}

export interface LintResult {
  findings: Finding[];
  files: FileReport[];
  /** Total Kubernetes objects linted. */
  objects: number;
  /** Set when a rule threw: the run must exit 2. */
  internalErrors: number;
  /** Present when the run was compared with a baseline. */
  baseline?: BaselineSummary;
}
