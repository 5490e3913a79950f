/** Which rules run, at which level, with which options: presets first, then configuration. */
import type { Level } from '../types.js';
import type { Preset, Rule } from './define-rule.js';
import { deepMerge } from './rule-options.js';

export interface RuleSetting {
  level: Level;
  /** The level was set by configuration: it then wins over a rule's per-finding level. */
  levelConfigured: boolean;
  options: unknown;
}

export interface RuleOverride {
  level?: Level | 'off';
  options?: Record<string, unknown>;
}

export const PRESETS: readonly Preset[] = ['recommended', 'all', 'pss-baseline', 'pss-restricted', 'cis'];

export function inPreset(rule: Rule, preset: Preset): boolean {
  return preset === 'all' || rule.meta.presets.includes(preset);
}

/** Presets are unioned; overrides then turn rules on, off, or change their level and options. */
export function resolveRuleSettings(
  rules: readonly Rule[],
  presets: readonly Preset[],
  overrides: ReadonlyMap<string, RuleOverride> = new Map(),
): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const override = overrides.get(rule.meta.id);
    const enabled = presets.some((preset) => inPreset(rule, preset));
    if (override?.level === 'off') continue;
    if (!enabled && !override) continue;
    const level = override?.level ?? rule.meta.level;
    const options = deepMerge(rule.meta.defaultOptions ?? {}, override?.options);
    settings.set(rule.meta.id, { level, levelConfigured: override?.level !== undefined, options });
  }
  return settings;
}
