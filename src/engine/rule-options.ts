/**
 * Rule options: defaults deep-merged under what the user gave, and the result checked against the rule's
 * schema wherever options come from (configuration, library calls, the rule tester). ajv loads only when
 * some rule is given options.
 */
import { UsageError } from '../errors.js';
import { isNamespaced } from '../k8s/kinds.js';
import type { K8sObject } from '../k8s/model.js';
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

/** What an override selects an object by, as it lands: cluster-scoped objects have no namespace. */
export interface ObjectScope {
  kind: string;
  namespace?: string;
}

/** An object's scope: its kind, and the namespace it lands in (its own, else the run's) when its kind has namespaces. */
export function objectScope(object: { group: string; kind: string; namespace?: string | undefined }, defaultNamespace: string): ObjectScope {
  return isNamespaced(object.group, object.kind) ? { kind: object.kind, namespace: object.namespace ?? defaultNamespace } : { kind: object.kind };
}

/** Options a configuration override gives a rule in one file, in the configuration's order. */
export interface OptionLayer {
  options: Record<string, unknown>;
  /** Absent: every object of the file. Otherwise the objects it applies to (overrides by kind or namespace). */
  when?: (scope: ObjectScope) => boolean;
}

/** Options that depend on the object: a key equal for equal option sets ('' for the rule's own), and the options. */
export type OptionsForObject = (object: K8sObject) => { key: string; options: unknown };

/**
 * A rule's options in one file: the run's with the layers merged over them in order. When some layer depends
 * on the object, also the options per object; the engine makes one rule instance per distinct set.
 */
export function layeredOptions(base: unknown, layers: readonly OptionLayer[], defaultNamespace: string): { options: unknown; forObject?: OptionsForObject } {
  const merge = (applied: readonly OptionLayer[]): unknown => applied.reduce<unknown>((options, layer) => deepMerge(options, layer.options), base);
  if (layers.every((layer) => !layer.when)) return { options: merge(layers) };
  const bySet = new Map<string, unknown>();
  const forObject: OptionsForObject = (object) => {
    const scope = objectScope(object, defaultNamespace);
    const applies = layers.map((layer) => !layer.when || layer.when(scope));
    // Named by the object-dependent layers that apply: objects with the same ones share an instance.
    const key = layers.flatMap((layer, position) => (layer.when && applies[position] ? [position] : [])).join(',');
    if (!bySet.has(key)) bySet.set(key, merge(layers.filter((_, position) => applies[position])));
    return { key, options: bySet.get(key) };
  };
  return { options: merge(layers.filter((layer) => !layer.when)), forObject };
}
