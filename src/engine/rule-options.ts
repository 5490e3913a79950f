/**
 * Rule options: defaults deep-merged under what the user gave, and the result checked against the rule's
 * schema wherever options come from (configuration, library calls, the rule tester). ajv loads only when
 * some rule is given options.
 */
import { UsageError } from '../errors.js';
import type { Rule } from './define-rule.js';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (lists included) replaces the default. */
export function deepMerge(defaults: unknown, given: unknown): unknown {
  if (given === undefined) return structuredClone(defaults);
  if (!isPlain(defaults) || !isPlain(given)) return structuredClone(given);
  const merged: Plain = structuredClone(defaults);
  for (const [key, value] of Object.entries(given)) merged[key] = deepMerge(defaults[key], value);
  return merged;
}

/** Throws a UsageError naming each rule whose options do not fit its schema. */
export async function validateRuleOptions(entries: readonly { rule: Rule; options: unknown }[]): Promise<void> {
  const checked = entries.filter((entry) => entry.rule.meta.options !== undefined);
  if (checked.length === 0) return;
  // A static import of ajv in its own module: the bundle then resolves its CommonJS export correctly.
  const { ruleOptionProblems } = await import('./rule-options-check.js');
  const problems = ruleOptionProblems(checked);
  if (problems.length > 0) throw new UsageError(`invalid rule options: ${problems.join('; ')}`);
}
