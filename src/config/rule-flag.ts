/**
 * `--rule 'id: level'`, `--rule 'id: {options}'` or `--rule 'id: [level, {options}]'`: configuration
 * on the command line, checked by the config schema. The text is YAML, so JSON works too.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { Rule } from '../engine/define-rule.js';
import type { RuleOverride } from '../engine/rule-settings.js';
import { UsageError } from '../errors.js';
import { validateConfig } from './validate.js';

export function parseRuleFlags(flags: readonly string[], rules: readonly Rule[]): Map<string, RuleOverride> {
  const overrides = new Map<string, RuleOverride>();
  for (const flag of flags) {
    const doc = parseDocument(flag, { prettyErrors: false });
    const value = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
      throw new UsageError(`--rule "${flag}" must be "rule-id: level" or "rule-id: {options}".`);
    }
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      // Options alone keep the level that presets and config give; the schema wants [level, options].
      const optionsOnly = entry !== null && typeof entry === 'object' && !Array.isArray(entry);
      const checked = optionsOnly ? ['error', entry] : entry;
      const wrapped = { rules: { [id]: checked } };
      const lineCounter = new LineCounter();
      const problems = validateConfig(wrapped, parseDocument(stringify(wrapped), { lineCounter }), lineCounter, '--rule', rules);
      if (problems.length > 0) throw new UsageError(`--rule "${flag}": ${problems.map((problem) => problem.message).join('; ')}.`);
      if (optionsOnly) overrides.set(id, { options: entry as Record<string, unknown> });
      else if (typeof entry === 'string') overrides.set(id, { level: entry as RuleOverride['level'] });
      else {
        const [level, options] = entry as [RuleOverride['level'], Record<string, unknown>?];
        overrides.set(id, options ? { level, options } : { level });
      }
    }
  }
  return overrides;
}
