/** `--print-config FILE`: the rules that apply to a file, with level, options and where each came from. */
import { deepMerge } from '../engine/rule-options.js';
import type { Preset, Rule } from '../engine/define-rule.js';
import { inPreset, type RuleOverride } from '../engine/rule-settings.js';
import { displayPath } from '../input/display-path.js';
import type { Level } from '../types.js';
import { overrideApplies, type Override } from './overrides.js';

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
    const entry = entries.get(id) ?? { level: rule.meta.level, options: rule.meta.defaultOptions ?? {}, from: [] };
    if (override.level) entry.level = override.level;
    if (override.options) entry.options = deepMerge(entry.options, override.options);
    entry.from.unshift(from);
    entries.set(id, entry);
  };
  const conditional: { origin: string; kinds?: string[]; namespaces?: string[]; rules: Record<string, string> }[] = [];
  if (layers.config) {
    for (const [id, override] of layers.config.rules) apply(id, override, `${layers.config.display} rules`);
  }
  for (const [id, override] of layers.flagRules) apply(id, override, '--rule');
  for (const override of layers.config?.overrides ?? []) {
    const where = { cwd: layers.cwd, configDir: layers.config!.dir };
    if (override.files && !overrideApplies({ files: override.files, rules: {}, origin: override.origin }, { file: target }, where)) continue;
    if (override.kinds || override.namespaces) {
      // Depends on each object: shown as a condition, not folded in.
      conditional.push({ origin: override.origin, ...(override.kinds ? { kinds: override.kinds } : {}), ...(override.namespaces ? { namespaces: override.namespaces } : {}), rules: override.rules });
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
