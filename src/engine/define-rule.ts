/** The shape of a rule: metadata beside logic, the kinds it looks at, visitors for what it looks at. */
import type { KindSelector } from '../k8s/kinds.js';
import type { ContainerView, K8sObject, PodSpecView } from '../k8s/model.js';
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import type { Level, Location, OptionsSchema, Path, Preset, RunSettings } from '../types.js';

export type Category = 'security' | 'reliability' | 'efficiency' | 'best-practice' | 'schema';
export type { OptionsSchema, Preset, RunSettings };

export interface RuleMeta<MessageId extends string = string, Options = unknown> {
  id: string;
  category: Category;
  level: Level;
  /** SARIF `security-severity`, (0, 10]; required for security rules. */
  securitySeverity?: number;
  /** Presets that enable the rule (`all` holds every rule and need not be listed). */
  presets: readonly Preset[];
  /** One sentence: what the rule finds. */
  summary: string;
  /** One imperative sentence ending with a period. */
  remediation: string;
  /** Message templates with `{{placeholders}}`, keyed by messageId. */
  messages: Record<MessageId, string>;
  /**
   * The kinds whose objects the `object` visitor sees: groups of `k8s/kinds.ts` (`workloads`,
   * `rbac-roles`, …), kinds (`Service`) or `group/Kind`. Omitted: every object. The `podSpec` and
   * `container` visitors see every pod spec, whatever this says.
   */
  kinds?: readonly KindSelector[];
  /**
   * The rule relates several objects: it may call `context.afterIndex` or have a `checkIndex`, and context files
   * are loaded for it.
   */
  crossObject?: boolean;
  /** Pod Security Standards control, when the rule implements one. */
  pss?: { profile: 'baseline' | 'restricted'; control: string };
  /** Further controls the same rule decides (the Restricted /proc Mount Type control beside the Baseline one). */
  pssAlso?: readonly { profile: 'baseline' | 'restricted'; control: string }[];
  /** CIS Kubernetes Benchmark item, when the rule implements one (e.g. `1.2.1`). */
  cis?: string;
  tags?: readonly string[];
  /** How often a finding is right (SARIF `precision`, which orders results in GitHub); default high. */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  options?: OptionsSchema;
  defaultOptions?: Options;
  /**
   * Run-level notes, keyed by topic, with `{{count}}` and `{{items}}` placeholders: what `context.tally`
   * counted over the whole run becomes one line on stderr (and in JSON `notes`), not a finding per file.
   */
  tallies?: Record<string, string>;
}

export interface RelatedLocation {
  at: Location;
  message: string;
}

export interface Report<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number | boolean>;
  /**
   * Where the finding is: a path from the document root of the object being visited, or a Location taken
   * earlier with `context.locate` (the only form `afterIndex` checks may use, since files are gone by then).
   */
  at: Path | Location;
  /** The path names a field that is not written: the finding points at its nearest written ancestor. */
  missing?: boolean;
  /** Overrides the rule's level for this finding (e.g. error when set, warning when unset). */
  level?: Level;
  /** 1-based line inside the literal block scalar (`|`) at `at`: a file embedded in a ConfigMap. */
  line?: number;
  /** The container the finding is about (defaults to the one a `container` visitor is visiting). */
  container?: string;
  /** Other objects the finding relates to (a Role for a binding, the policies of a namespace…). */
  related?: readonly RelatedLocation[];
}

export interface RuleContext<MessageId extends string, Options, Watch = undefined> {
  readonly options: Options;
  readonly settings: RunSettings;
  /** Only inside a visitor, or inside an `afterIndex` check with a Location. */
  report(report: Report<MessageId>): void;
  /** The location of a path of the object being visited, kept for a report after the walk. */
  locate(path: Path, options?: { missing?: boolean }): Location;
  /** Counts one `item` under a topic of `meta.tallies`; the run prints one line per topic it counted. */
  tally(topic: string, item: string): void;
  /**
   * Runs `check` once every object of the run (inputs and context files) is indexed. Needs `meta.crossObject`.
   * Each call keeps a closure, its scopes and what they reach until then, about a kilobyte: the built-in rules
   * `watch` with data and answer in `checkIndex` instead, so a large run's memory does not grow with it.
   */
  afterIndex(check: (index: ObjectIndex) => void): void;
  /**
   * What an `afterIndex` check reads besides its object and locations (names, labels, data for its message):
   * the engine gives the strings reachable from `values` copies of their own once the walk is done, so they
   * keep no slice of the file's text alive. The check must read them through the returned object.
   */
  hold<T extends object>(values: T): T;
  /**
   * The object being visited may get findings from the rule's `checkIndex`: its file stays open until the index
   * is complete, and `checkIndex` learns the options the rule had for it. `data` (locations taken with `locate`,
   * names and values for the message) is kept beside the object's index record, detached from the file's text
   * as `hold` does, and handed to `checkIndex` in `context.watched`. A record per watch, not a closure: this
   * is how a rule that relates objects waits for the index without keeping its object, its views and its
   * scopes alive (see `afterIndex`). A rule may watch one object several times (once per port, per reference).
   * `data` must be plain (objects, arrays, typed arrays, strings, numbers, booleans): a large run keeps it in a
   * temporary file (`v8.serialize`) and `checkIndex` gets an equal copy, without prototypes or functions.
   */
  watch(data?: Watch): void;
}

/** One `watch` of a rule: the object's record in the complete index, the options the rule had for it, its data. */
export interface Watched<Options, Watch> {
  readonly record: IndexedObject;
  readonly options: Options;
  readonly data: Watch;
}

/** A finding of `checkIndex`: at a Location taken during the walk, as files are gone by then. */
export type IndexReport<MessageId extends string> = Omit<Report<MessageId>, 'at' | 'missing' | 'line'> & { at: Location };

export interface IndexCheckContext<MessageId extends string, Options, Watch = undefined> {
  readonly settings: RunSettings;
  /**
   * The options the rule had for a record's object, when it watched that object during the walk (in a file of
   * this run, this shard or thread); undefined for every other record, which gets no finding.
   */
  optionsFor(record: IndexedObject): Options | undefined;
  /** Every `watch` of the rule in this run's (shard's, thread's) files, in the order of the walk. */
  readonly watched: readonly Watched<Options, Watch>[];
  /** Counts one `item` under a topic of `meta.tallies`, as `tally` during the walk does. */
  tally(topic: string, item: string): void;
  /**
   * Reports at a watched record's `at`; with `about` (one of `watched`), at any Location of that object's file,
   * with the options the rule had for it. Any other Location is an internal error of the run.
   */
  report(report: IndexReport<MessageId>, about?: Watched<Options, Watch>): void;
}

/** What a rule looks at; the engine walks every object once and calls each visitor. */
export interface RuleVisitors {
  /** Every object of the kinds in `meta.kinds` (List members one by one). */
  object?(object: K8sObject): void;
  /** Every pod spec (workload kinds, and pod templates found inside custom resources). */
  podSpec?(pod: PodSpecView, object: K8sObject): void;
  /** Every container (containers, initContainers, ephemeralContainers) of every pod spec. */
  container?(container: ContainerView, pod: PodSpecView, object: K8sObject): void;
}

export interface Rule<MessageId extends string = string, Options = unknown, Watch = unknown> {
  meta: RuleMeta<MessageId, Options>;
  create(context: RuleContext<MessageId, Options, Watch>): RuleVisitors;
  /**
   * Runs once per run, on the sealed index (inputs and context files), after the `afterIndex` checks: for
   * relations the index answers by itself (every identity held twice is a duplicate), where one
   * `afterIndex` closure per object would keep thousands of closures alive during the walk. It reports only
   * on objects the rule watched (`context.watch()`, in `context.watched` with their data); each finding goes to
   * its file, before that file's suppressions close, as a cross-object check's does. Needs `meta.crossObject`.
   */
  checkIndex?(index: ObjectIndex, context: IndexCheckContext<MessageId, Options, Watch>): void;
}

/** Identity helper: infers message ids and options so a typo in a messageId fails to compile. */
export function defineRule<MessageId extends string, Options = Record<string, never>, Watch = undefined>(
  rule: Rule<MessageId, Options, Watch>,
): Rule<MessageId, Options, Watch> {
  return rule;
}
