/**
 * The library API, and nothing else: lint from code, write rules, format results. Parser internals
 * (the YAML layer, per-file linting, suppression stages) are not part of it.
 */
export { lint, lintSources, UsageError, type LintOptions, type LintRun, type RunStats, type Source } from './run/lint.js';
export type { Concurrency, ThreadPlan } from './run/parallel-options.js';
export {
  defineRule,
  type Category,
  type Preset,
  type RelatedLocation,
  type Report,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type RuleVisitors,
  type RunSettings,
} from './engine/define-rule.js';
export { exitCode, type ExitCodeOptions } from './engine/exit-code.js';
export { rules } from './rules/index.js';
export { loadFormatter, FORMATS, type FormatContext, type Formatter } from './formatters/index.js';
export type * from './types.js';

export type { KindSelector } from './k8s/kinds.js';
export type { IndexedObject, IndexedPod, ObjectIndex } from './k8s/object-index.js';
export type { ContainerView, EffectiveSecurityContext, JsonObject, JsonValue, K8sObject, Located, PodSpecView, VolumeView } from './k8s/model.js';
export { VERSION } from './version.js';
