/** ajv errors → one readable message each, at the line and column of the offending key or value. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, type Document, type LineCounter } from 'yaml';
import type { Rule } from '../engine/define-rule.js';
import { locate } from '../yaml/locate.js';
import type { ConfigProblem } from './problems.js';
import { buildConfigSchema, type ConfigUse, DATE_PATTERN, EXEMPTION_SELECTORS, OVERRIDE_SELECTORS } from './schema.js';
import { didYouMean } from './suggest.js';

type Segment = string | number;

const validators = new WeakMap<readonly Rule[], Map<string, ValidateFunction>>();

/**
 * A validator for a configuration that uses these rules and keys (everything without `used`). Compiling the
 * schema of every rule took about a second, on every run with a configuration file; a configuration names a
 * few rules and keys, and the others' schemas cannot change the verdict.
 */
export function validatorFor(rules: readonly Rule[], used?: ConfigUse): ValidateFunction {
  const key = used ? `${[...used.rules].sort().join(',')}\u0000${[...used.keys].sort().join(',')}` : '*';
  let compiled = validators.get(rules);
  if (!compiled) validators.set(rules, (compiled = new Map()));
  let validate = compiled.get(key);
  if (!validate) {
    // strict: false, because rule option schemas may carry annotations ajv does not know. The schema is built
    // from the rules, not given by the user: checking it against JSON Schema's own first compiled that
    // meta-schema on every run (test/config.test.ts checks it once).
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false });
    validate = ajv.compile(buildConfigSchema(rules, used));
    compiled.set(key, validate);
  }
  return validate;
}

/** The rule ids a configuration names as keys (under `rules` and under each override's `rules`), and its top-level keys. */
export function usedBy(value: unknown): ConfigUse {
  const named = new Set<string>();
  const addKeys = (rules: unknown): void => {
    if (isMapping(rules)) for (const id of Object.keys(rules)) named.add(id);
  };
  if (!isMapping(value)) return { rules: named, keys: new Set() };
  const { rules, overrides } = value as { rules?: unknown; overrides?: unknown };
  addKeys(rules);
  if (Array.isArray(overrides)) for (const override of overrides) addKeys((override as { rules?: unknown } | null)?.rules);
  return { rules: named, keys: new Set(Object.keys(value)) };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function validateConfig(value: unknown, doc: Document.Parsed, lineCounter: LineCounter, file: string, rules: readonly Rule[]): ConfigProblem[] {
  const validate = validatorFor(rules, usedBy(value));
  if (validate(value)) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const described = describe(error, value, rules);
    if (!described) continue;
    const offset = offsetOf(doc, described.path, described.atKey);
    const { line, col } = lineCounter.linePos(offset);
    const problem = { file, line, column: col, message: described.message };
    const key = `${line}:${col}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function describe(error: ErrorObject, root: unknown, rules: readonly Rule[]): { path: Segment[]; atKey: boolean; message: string } | undefined {
  // Sub-errors of `if` and of the exemption's "one selector at least" are summarised by their parent.
  if (error.keyword === 'if' || error.keyword === 'propertyNames' || /\/anyOf\/\d+\//.test(error.schemaPath)) return undefined;
  const path = pathOf(error.instancePath, root);
  const where = dotted(path);
  const ruleIds = rules.map((rule) => rule.meta.id);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const at = [...path, key];
      if (path.length === 1 && path[0] === 'rules') return { path: at, atKey: true, message: `unknown rule "${key}"${didYouMean(key, ruleIds)}` };
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: at, atKey: true, message: `unknown key "${key}"${where ? ` in ${where}` : ''}${didYouMean(key, known)}` };
    }
    case 'enum': {
      // A key checked by propertyNames (rule ids under overrides[].rules): the error is at the key.
      const propertyName = (error as { propertyName?: string }).propertyName;
      if (propertyName !== undefined) return { path: [...path, propertyName], atKey: true, message: `unknown rule "${propertyName}"${didYouMean(propertyName, ruleIds)}` };
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      if (error.schemaPath.startsWith('#/definitions/ruleId')) {
        return { path, atKey: false, message: `unknown rule "${String(error.data)}"${didYouMean(String(error.data), ruleIds)}` };
      }
      return { path, atKey: false, message: `${where} must be one of ${allowed.join(', ')}, not ${JSON.stringify(error.data)}${didYouMean(String(error.data), allowed)}` };
    }
    case 'type':
      return { path, atKey: false, message: `${where || 'the configuration'} must be ${article(String((error.params as { type: string }).type))}, not ${kindOf(error.data)}` };
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { path, atKey: false, message: `${where || 'the configuration'} is missing "${missing}"` };
    }
    case 'anyOf':
      if (/^overrides\[\d+\]$/.test(where)) {
        return { path, atKey: false, message: `${where} needs at least one of ${OVERRIDE_SELECTORS.join(', ')}; for every file, use the top-level rules` };
      }
      if (/^exemptions\[\d+\]$/.test(where)) {
        return { path, atKey: false, message: `${where} needs at least one of ${EXEMPTION_SELECTORS.join(', ')}; to turn a rule off everywhere, set its level to off under rules` };
      }
      return { path, atKey: false, message: `${where} ${error.message ?? 'is not valid'}` };
    case 'pattern':
      if ((error.params as { pattern: string }).pattern === DATE_PATTERN) {
        return { path, atKey: false, message: `${where} must be a date written YYYY-MM-DD, not ${JSON.stringify(error.data)}` };
      }
      return { path, atKey: false, message: `${where} must match ${(error.params as { pattern: string }).pattern}, not ${JSON.stringify(error.data)}` };
    case 'maxItems':
      if (path[0] === 'rules') return { path, atKey: false, message: `${where} must be a level or [level, options]` };
      return { path, atKey: false, message: `${where} ${error.message ?? 'is not valid'}` };
    default:
      return { path, atKey: false, message: `${where || 'the configuration'} ${error.message ?? 'is not valid'}` };
  }
}

/** JSON pointer → path segments, numbers where the value is an array (a key may well be "0"). */
function pathOf(pointer: string, root: unknown): Segment[] {
  if (pointer === '') return [];
  const path: Segment[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: Segment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function dotted(path: readonly Segment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** The offending key (unknown keys) or value (everything else). */
function offsetOf(doc: Document.Parsed, path: Segment[], atKey: boolean): number {
  if (!atKey) {
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return locate(doc, path).start;
}

function article(type: string): string {
  const name = type === 'integer' ? 'a whole number' : type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : type;
  return name.startsWith('a ') ? name : /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
