/**
 * `overrides` in the config file: rule levels for files, kinds and namespaces matching globs, and rule
 * options for files. The resolver is pure; levels are applied to findings after the rules ran, options
 * reach the engine per file (rules run once per file, so options cannot depend on an object's kind).
 */
import nodePath, { type PlatformPath } from 'node:path';
import { minimatch } from 'minimatch';
import type { Finding, Level } from '../types.js';
import type { RuleOverride } from '../engine/rule-settings.js';

export interface Override {
  files?: string[];
  kinds?: string[];
  namespaces?: string[];
  rules: Record<string, Level | 'off'>;
  /** Rule options by id, from `[level, options]` entries (file selectors only: rules run once per file). */
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
  return (findings: readonly Finding[]): Finding[] =>
    findings.flatMap((finding) => {
      if (finding.ruleId === 'internal-error') return [finding];
      const scope = { file: finding.file, kind: finding.object?.kind, namespace: finding.object?.namespace };
      const level = resolveOverrides(overrides, scope, where).get(finding.ruleId)?.level;
      if (level === 'off') return [];
      if (level === undefined) return baseEnabled.has(finding.ruleId) ? [finding] : [];
      return [{ ...finding, level }];
    });
}

/**
 * The rule options the overrides give one file (entries with `files` alone), later entries winning; an empty
 * map when none applies. The engine runs the file's rules with these merged over the run's options.
 */
export function optionsForFile(overrides: readonly Override[], file: string, where: Where): Map<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>();
  for (const override of overrides) {
    if (!override.options || !overrideApplies(override, { file }, where)) continue;
    for (const [id, options] of Object.entries(override.options)) result.set(id, { ...result.get(id), ...options });
  }
  return result;
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
