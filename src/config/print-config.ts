/** `--print-config FILE`: the rules that apply to a file, with level, options and where each came from. */
import { deepMerge } from '../engine/rule-options.js';
import type { Preset, Rule } from '../engine/define-rule.js';
import { inPreset, type RuleOverride } from '../engine/rule-settings.js';
import { displayPath } from '../input/display-path.js';
import type { Level } from '../types.js';
import { appliesToFile, dependsOnObject, type Override } from './overrides.js';

export interface ConfigLayers {
  cwd: string;
  rules: readonly Rule[];
  presets: { value: readonly Preset[]; from: string };
  /** The config file as the user names it, and its folder. */
  config?: { display: string; dir: string; rules: ReadonlyMap<string, RuleOverride>; overrides: readonly Override[] };
  flagRules: ReadonlyMap<string, RuleOverride>;
  failOn: { value: Level; from: string };
}

interface Entry {
  level: Level;
  options: unknown;
  /** Where the level and the options were set, last one first. */
  from: string[];
}

/** An override that depends on the object, with the options an object it selects gets (when no other such entry does). */
interface Conditional {
  origin: string;
  kinds?: string[];
  namespaces?: string[];
  rules: Record<string, string>;
  options?: Record<string, unknown>;
}

function conditionOf(override: Override, fileOverrides: readonly Override[], before: (id: string) => unknown): Conditional {
  const condition: Conditional = {
    origin: override.origin,
    ...(override.kinds ? { kinds: override.kinds } : {}),
    ...(override.namespaces ? { namespaces: override.namespaces } : {}),
    rules: override.rules,
  };
  if (override.options) {
    condition.options = Object.fromEntries(Object.keys(override.options).map((id) => {
      const applied = fileOverrides.filter((other) => other.options?.[id] !== undefined && (other === override || !dependsOnObject(other)));
      return [id, applied.reduce((options, other) => deepMerge(options, other.options![id]), before(id))];
    }));
  }
  return condition;
}

function defaultsOf(rules: readonly Rule[], id: string): unknown {
  return rules.find((rule) => rule.meta.id === id)?.meta.defaultOptions ?? {};
}

export function printConfig(file: string, layers: ConfigLayers): string {
  const target = displayPath(layers.cwd, file);
  const entries = new Map<string, Entry>();
  for (const rule of layers.rules) {
    const preset = layers.presets.value.find((name) => inPreset(rule, name));
    if (preset) entries.set(rule.meta.id, { level: rule.meta.level, options: rule.meta.defaultOptions ?? {}, from: [`preset ${preset} (${layers.presets.from})`] });
  }
  const apply = (id: string, override: RuleOverride, from: string): void => {
    const rule = layers.rules.find((candidate) => candidate.meta.id === id);
    if (!rule) return;
    if (override.level === 'off') {
      entries.delete(id);
      return;
    }
    const entry = entries.get(id) ?? { level: rule.meta.level, options: defaultsOf(layers.rules, id), from: [] };
    if (override.level) entry.level = override.level;
    if (override.options) entry.options = deepMerge(entry.options, override.options);
    entry.from.unshift(from);
    entries.set(id, entry);
  };
  const conditional: Conditional[] = [];
  if (layers.config) {
    for (const [id, override] of layers.config.rules) apply(id, override, `${layers.config.display} rules`);
  }
  for (const [id, override] of layers.flagRules) apply(id, override, '--rule');
  // The options before any override: those that depend on the object are merged over them in order, with the file's.
  const before = new Map([...entries].map(([id, entry]) => [id, entry.options]));
  const where = { cwd: layers.cwd, configDir: layers.config?.dir ?? layers.cwd };
  const overrides = (layers.config?.overrides ?? []).filter((override) => appliesToFile(override, target, where));
  for (const override of overrides) {
    if (dependsOnObject(override)) {
      // Depends on each object: shown as a condition, not folded in.
      conditional.push(conditionOf(override, overrides, (id) => before.get(id) ?? defaultsOf(layers.rules, id)));
      continue;
    }
    for (const [id, level] of Object.entries(override.rules)) {
      const options = override.options?.[id];
      apply(id, options ? { level, options } : { level }, `overrides at ${override.origin}`);
    }
  }
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
  const output = {
    file: target,
    configFile: layers.config?.display ?? null,
    presets: layers.presets,
    failOn: layers.failOn,
    rules: sorted,
    ...(conditional.length > 0 ? { overridesByObject: conditional } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
