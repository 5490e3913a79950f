/** The library API: lint from code, write rules, format results. */
export { lint, type LintOptions, type LintRun } from './run/lint.js';
export { lintText, type LintedFile } from './engine/lint-file.js';
export { defineRule, type Rule, type RuleMeta, type RuleVisitors, type RuleContext } from './engine/define-rule.js';
export { exitCode } from './engine/exit-code.js';
export { rules } from './rules/index.js';
export { loadFormatter, FORMATS, type FormatContext, type Formatter } from './formatters/index.js';
export type * from './types.js';
export type { K8sObject, PodSpecView, ContainerView, EffectiveSecurityContext } from './k8s/model.js';
export { VERSION } from './version.js';
