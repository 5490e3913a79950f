/** The shape of a rule: metadata beside logic, visitors for what it looks at. */
import type { ContainerView, K8sObject, PodSpecView } from '../k8s/model.js';
import type { Level, Path } from '../types.js';

export type Category = 'security' | 'reliability' | 'efficiency' | 'best-practice' | 'schema';
export type Preset = 'recommended' | 'all' | 'pss-baseline' | 'pss-restricted';

/** A JSON Schema (draft-07) for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

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
  /** Pod Security Standards control, when the rule implements one. */
  pss?: { profile: 'baseline' | 'restricted'; control: string };
  tags?: readonly string[];
  /** How often a finding is right (SARIF `precision`, which orders results in GitHub); default high. */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  options?: OptionsSchema;
  defaultOptions?: Options;
}

export interface Report<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number | boolean>;
  /** Path from the document root; a path to a missing field points at its nearest existing ancestor. */
  at: Path;
  /** Overrides the rule's level for this finding (e.g. error when set, warning when unset). */
  level?: Level;
  /** 1-based line inside the literal block scalar (`|`) at `at`: a file embedded in a ConfigMap. */
  line?: number;
}

export interface RuleContext<MessageId extends string, Options> {
  readonly options: Options;
  report(report: Report<MessageId>): void;
}

/** What a rule looks at; the engine walks every object once and calls each visitor. */
export interface RuleVisitors {
  /** Every Kubernetes object (List members one by one). */
  object?(object: K8sObject): void;
  /** Every pod spec of a workload kind. */
  podSpec?(pod: PodSpecView, object: K8sObject): void;
  /** Every container (containers, initContainers, ephemeralContainers) of every pod spec. */
  container?(container: ContainerView, pod: PodSpecView, object: K8sObject): void;
}

export interface Rule<MessageId extends string = string, Options = unknown> {
  meta: RuleMeta<MessageId, Options>;
  create(context: RuleContext<MessageId, Options>): RuleVisitors;
}

/** Identity helper: infers message ids and options so a typo in a messageId fails to compile. */
export function defineRule<MessageId extends string, Options = Record<string, never>>(
  rule: Rule<MessageId, Options>,
): Rule<MessageId, Options> {
  return rule;
}
