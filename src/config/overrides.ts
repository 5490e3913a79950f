/**
 * `overrides` in the config file: rule levels and options for files, kinds and namespaces matching globs.
 * The resolver is pure; levels are applied to findings after the rules ran, options reach the engine per
 * file, as layers that may depend on the object (the engine then runs one rule instance per option set).
 */
import nodePath, { type PlatformPath } from 'node:path';
import { minimatch } from 'minimatch';
import type { Finding, Level } from '../types.js';
import { objectScope, type ObjectScope, type OptionLayer } from '../engine/rule-options.js';
import { groupOf } from '../k8s/workloads.js';
import type { RuleOverride } from '../engine/rule-settings.js';

export interface Override {
  files?: string[];
  kinds?: string[];
  namespaces?: string[];
  rules: Record<string, Level | 'off'>;
  /** Rule options by id, from `[level, options]` entries. */
  options?: Record<string, Record<string, unknown>>;
  /** `file:line:col` of the entry in the config file, for --print-config. */
  origin: string;
}

export interface Scope {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  kind?: string | undefined;
  namespace?: string | undefined;
}

export interface Where {
  cwd: string;
  /** The config file's folder: file globs are relative to it. */
  configDir: string;
  /** The platform's path functions (tests pass path.win32). */
  path?: PlatformPath;
}

const GLOB = { dot: true, nocomment: true, nonegate: true } as const;

/** Does the entry apply? Every selector it gives must match; file globs are relative to the config's folder. */
export function overrideApplies(override: Override, scope: Scope, where: Where): boolean {
  if (override.files) {
    const path = where.path ?? nodePath;
    const relative = path.relative(where.configDir, path.resolve(where.cwd, scope.file)).split(path.sep).join('/');
    // A glob without a slash matches the name at any depth, as in .gitignore.
    if (!override.files.some((glob) => minimatch(relative, glob, { ...GLOB, matchBase: !glob.includes('/') }))) return false;
  }
  if (override.kinds && !(scope.kind !== undefined && override.kinds.some((glob) => minimatch(scope.kind!, glob, GLOB)))) return false;
  if (override.namespaces && !(scope.namespace !== undefined && override.namespaces.some((glob) => minimatch(scope.namespace!, glob, GLOB)))) return false;
  return true;
}

/** Does the entry's `files` selector (if any) match the file? Its other selectors wait for the objects. */
export function appliesToFile(override: Override, file: string, where: Where): boolean {
  return !override.files || overrideApplies({ files: override.files, rules: {}, origin: override.origin }, { file }, where);
}

/** (file, kind, namespace) → the rule levels the matching entries set, later entries winning. */
export function resolveOverrides(overrides: readonly Override[], scope: Scope, where: Where): Map<string, RuleOverride & { origin: string }> {
  const result = new Map<string, RuleOverride & { origin: string }>();
  for (const override of overrides) {
    if (!overrideApplies(override, scope, where)) continue;
    for (const [id, level] of Object.entries(override.rules)) result.set(id, { level, origin: override.origin });
  }
  return result;
}

/**
 * Rules an override turns on run everywhere (the engine cannot tell objects apart before it walks them),
 * so the stage drops their findings outside the override's scope. `baseEnabled` is the set the run has
 * without overrides.
 */
export function overrideStage(overrides: readonly Override[], baseEnabled: ReadonlySet<string>, where: Where) {
  return (findings: readonly Finding[], defaultNamespace: string): Finding[] =>
    findings.flatMap((finding) => {
      if (finding.ruleId === 'internal-error') return [finding];
      const object = finding.object;
      // The same scope as options get: the namespace the object lands in.
      const scope = object?.kind !== undefined ? { file: finding.file, ...objectScope({ ...object, kind: object.kind, group: groupOf(object.apiVersion ?? '') }, defaultNamespace) } : { file: finding.file };
      const level = resolveOverrides(overrides, scope, where).get(finding.ruleId)?.level;
      if (level === 'off') return [];
      if (level === undefined) return baseEnabled.has(finding.ruleId) ? [finding] : [];
      return [{ ...finding, level }];
    });
}

/**
 * The rule options the overrides give one file, by rule id, in the configuration's order: entries that select by
 * files alone apply to every object of the file, the others to the objects whose kind and namespace match.
 */
export function optionLayersForFile(overrides: readonly Override[], file: string, where: Where): Map<string, OptionLayer[]> {
  const result = new Map<string, OptionLayer[]>();
  for (const override of overrides) {
    if (!override.options || !appliesToFile(override, file, where)) continue;
    const when = dependsOnObject(override) ? (scope: ObjectScope) => overrideApplies(override, { file, ...scope }, where) : undefined;
    for (const [id, options] of Object.entries(override.options)) {
      const layers = result.get(id) ?? [];
      layers.push(when ? { options, when } : { options });
      result.set(id, layers);
    }
  }
  return result;
}

/** Whether the entry selects by something only the objects tell (kind, namespace). */
export function dependsOnObject(override: Override): boolean {
  return override.kinds !== undefined || override.namespaces !== undefined;
}

/** Rules that only an override turns on: the engine must run them (at the override's first level). */
export function rulesEnabledOnlyByOverrides(overrides: readonly Override[], baseEnabled: ReadonlySet<string>): Map<string, RuleOverride> {
  const extra = new Map<string, RuleOverride>();
  for (const override of overrides) {
    for (const [id, level] of Object.entries(override.rules)) {
      if (level !== 'off' && !baseEnabled.has(id) && !extra.has(id)) extra.set(id, { level });
    }
  }
  return extra;
}
