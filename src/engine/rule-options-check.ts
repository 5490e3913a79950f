/** The schema check of rule options, loaded only when some rule is given options (it brings ajv). */
import { Ajv } from 'ajv';
import type { Rule } from './define-rule.js';

/** Problems of each rule's options against its schema, one line each; empty when all fit. */
export function ruleOptionProblems(entries: readonly { rule: Rule; options: unknown }[]): string[] {
  // Option schemas are the rules' own, checked against JSON Schema's meta-schema by the tests, not on every run.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const problems: string[] = [];
  for (const { rule, options } of entries) {
    const validate = ajv.compile(rule.meta.options!);
    if (validate(options)) continue;
    for (const error of validate.errors ?? []) {
      problems.push(`rule "${rule.meta.id}" options${error.instancePath.replaceAll('/', '.')} ${error.message ?? 'are invalid'}`);
    }
  }
  return problems;
}
