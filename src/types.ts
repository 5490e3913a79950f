/** Shared vocabulary of the engine, the rules and the formatters. */

/** SARIF's levels; `off` exists only in configuration. */
export type Level = 'error' | 'warning' | 'note';
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

/** Plain values as the API server reads them (YAML 1.1 scalars), before any view narrows them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type PathSegment = string | number;

/** What rules counted over a run (`context.tally`): per rule and topic, the count and the distinct items. */
export type Tallies = Map<string, { count: number; items: Set<string> }>;

/** Named sets of rules (`all` holds every rule). */
export type Preset = 'recommended' | 'all' | 'pss-baseline' | 'pss-restricted' | 'cis';

/** A JSON Schema (draft-07) for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

/** Settings of the whole run that every rule may read. */
export interface RunSettings {
  /** Target Kubernetes version, `major.minor` (`--kube-version`; default the newest the package knows). */
  readonly kubeVersion: string;
  /** Namespace of objects that do not name one (`--namespace`, default `default`). */
  readonly namespace: string;
  readonly presets: readonly Preset[];
  /** The input holds every object of the cluster (`--complete`): missing objects are not the cluster's. */
  readonly complete: boolean;
}

/** Keys and sequence indices from the root of a YAML document. */
export type Path = readonly PathSegment[];

/** 1-based lines and columns; `endColumn` is exclusive, counted in UTF-16 code units. */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A place in an input file, resolved while its parse is at hand, so it can be reported later. */
export interface Location {
  /** Display path of the file. */
  readonly file: string;
  readonly region: Region;
  /** Path from the document root to the node. */
  readonly path: Path;
  /** The node was not found exactly: the region is an ancestor's, or where an alias is written. */
  readonly approximate?: boolean;
  /** The rule said the field is missing (so an ancestor's region is expected, not a mistake). */
  readonly missing?: boolean;
  /** The path did not resolve and the rule did not say it was missing: the rule tester fails on this. */
  readonly unresolved?: boolean;
  readonly documentIndex?: number;
  readonly object?: ObjectRef;
  readonly helmTemplate?: string;
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

/** Another place a finding relates to (the Role of a binding, the policies of a namespace…). */
export interface RelatedFinding {
  file: string;
  region: Region;
  message: string;
  object?: ObjectRef;
}

export interface Finding {
  ruleId: string;
  /** The rule's message template the finding was built from. */
  messageId?: string;
  level: Level;
  message: string;
  /** Forward-slash path relative to the working directory (or the --stdin-filename). */
  file: string;
  region: Region;
  /** True when the path crossed an alias or merge key: the region is where the alias is written. */
  approximate?: boolean;
  /** The rule reported a field that is not written: the region is its nearest written ancestor. */
  missing?: boolean;
  /** The rule named a path that does not exist as if it did (a rule bug the tester catches). */
  unresolved?: boolean;
  /** Path from the document root to the reported node ([] for file-level findings). */
  path: Path;
  /** 0-based index of the YAML document in its file. */
  documentIndex?: number;
  object?: ObjectRef;
  /** The container the rule was looking at, when it reported from a container visitor. */
  container?: string;
  /** The `# Source:` template that `helm template` wrote before the document. */
  helmTemplate?: string;
  /** Other objects the finding relates to; SARIF relatedLocations, text lines under the finding. */
  related?: RelatedFinding[];
  /** How many more related locations the rule gave than `related` lists (it keeps the first 20). */
  relatedOmitted?: number;
  /** Stable identity that does not depend on line numbers. */
  fingerprint: string;
  helpUri?: string;
  /** Set when the finding is suppressed; suppressed findings never fail a run. */
  suppression?: Suppression;
}

/** Bytes that are not text kubectl would read: where the first offending byte is. */
export interface InvalidText {
  message: string;
  /** 1-based position of the first offending byte, counted in the bytes' lines. */
  line: number;
  column: number;
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
