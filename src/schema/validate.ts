/**
 * One walker for both kinds of schema: the bundled Kubernetes definitions and CRD `openAPIV3Schema`.
 * Values are read as the API server reads them: YAML 1.1 scalars are already typed, `null` means unset,
 * int-or-string and quantities take numbers and strings. Problems come back with the path of the value.
 */
import { closest } from '../suggest.js';
import type { JsonObject, JsonValue } from '../k8s/model.js';
import type { Path } from '../types.js';
import { isQuantity } from './names.js';
import type { CelRule, SchemaNode } from '../k8s/schema-node.js';

export type SchemaProblem =
  | { code: 'unknownField'; path: Path; field: string; where: string; suggestion?: string }
  | { code: 'wrongType'; path: Path; field: string; expected: string; actual: string }
  | { code: 'missingField'; path: Path; field: string; where: string; written: boolean }
  | { code: 'enum'; path: Path; field: string; value: string; allowed: string }
  | { code: 'constraint'; path: Path; field: string; reason: string };

export interface ValidatorOptions {
  /** Resolves a `$ref` of the bundled spec. */
  resolve?: (ref: string) => SchemaNode | undefined;
  /** Evaluates `x-kubernetes-validations` of a node (CRDs); returns the messages of the rules that fail. */
  cel?: (rules: readonly CelRule[], self: JsonValue, path: Path) => { path: Path; reason: string }[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function typeOf(value: JsonValue): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

function isMapping(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `spec.template.spec.containers[0].image`: how a field is named in messages. */
export function fieldName(path: Path): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text || '(root)';
}

function shortName(ref: string): string {
  return ref.slice(ref.lastIndexOf('.') + 1);
}

export class SchemaValidator {
  readonly problems: SchemaProblem[] = [];

  constructor(private readonly options: ValidatorOptions = {}) {}

  /** `base` is the path of `value` in its document; `relative` names fields in messages from the object's root. */
  validate(value: JsonValue, schema: SchemaNode, base: Path, where: string): SchemaProblem[] {
    this.check(value, schema, base, base.length, where);
    return this.problems;
  }

  /** `where` names the mapping in messages: the definition (`Container`), else the field path, else the kind. */
  private deref(node: SchemaNode, where: string): { node: SchemaNode; where: string } {
    let current = node;
    let name = where;
    for (let depth = 0; current.$ref !== undefined && depth < 32; depth++) {
      const target = this.options.resolve?.(current.$ref);
      name = shortName(current.$ref);
      if (!target) return { node: {}, where: name };
      current = target;
    }
    return { node: current, where: name };
  }

  private check(value: JsonValue, schemaNode: SchemaNode, path: Path, rootDepth: number, whereIn: string): void {
    const field = fieldName(path.slice(rootDepth));
    const { node, where } = this.deref(schemaNode, schemaNode.$ref === undefined && path.length > rootDepth ? field : whereIn);
    // The API server reads null as "not set".
    if (value === null) return;
    const wrong = (expected: string): void => {
      this.problems.push({ code: 'wrongType', path, field, expected, actual: typeOf(value) });
    };
    if (node['x-kubernetes-int-or-string'] || node.format === 'int-or-string') {
      if (!(typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) return wrong('an integer or a string');
      if (typeof value === 'string') this.checkString(value, node, path, field);
      return this.checkCel(node, value, path);
    }
    if (node.format === 'quantity') {
      if (typeof value === 'number') return;
      if (typeof value !== 'string') return wrong('a quantity (a number or a string such as "500m" or "1Gi")');
      if (!isQuantity(value)) this.problems.push({ code: 'constraint', path, field, reason: `"${value}" is not a quantity (a number with an optional suffix such as m, Ki, Mi, Gi, k, M, G)` });
      return;
    }
    switch (node.type) {
      case 'string':
        if (typeof value !== 'string') return wrong('a string');
        this.checkString(value, node, path, field);
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return wrong('an integer');
        this.checkNumber(value, node, path, field);
        break;
      case 'number':
        if (typeof value !== 'number') return wrong('a number');
        this.checkNumber(value, node, path, field);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return wrong('a boolean (true or false)');
        break;
      case 'array':
        if (!Array.isArray(value)) return wrong('a list');
        if (node.minItems !== undefined && value.length < node.minItems) this.constraint(path, field, `must have at least ${node.minItems} item(s)`);
        if (node.maxItems !== undefined && value.length > node.maxItems) this.constraint(path, field, `must have at most ${node.maxItems} item(s)`);
        if (node.items) value.forEach((item, index) => this.check(item, node.items!, [...path, index], rootDepth, where));
        break;
      case 'object':
        if (!isMapping(value)) return wrong('a mapping');
        this.checkObject(value, node, path, rootDepth, where);
        break;
      default:
        if (node.properties && isMapping(value)) this.checkObject(value, node, path, rootDepth, where);
    }
    if (node.enum && !node.enum.some((allowed) => allowed === value)) {
      this.problems.push({ code: 'enum', path, field, value: String(value), allowed: node.enum.map((allowed) => JSON.stringify(allowed)).join(', ') });
    }
    this.checkCel(node, value, path);
  }

  private checkCel(node: SchemaNode, value: JsonValue, path: Path): void {
    const rules = node['x-kubernetes-validations'];
    if (!rules || rules.length === 0 || !this.options.cel) return;
    for (const failure of this.options.cel(rules, value, path)) {
      this.problems.push({ code: 'constraint', path: failure.path, field: fieldName(failure.path), reason: failure.reason });
    }
  }

  private constraint(path: Path, field: string, reason: string): void {
    this.problems.push({ code: 'constraint', path, field, reason });
  }

  private checkString(value: string, node: SchemaNode, path: Path, field: string): void {
    if (node.format === 'byte' && !BASE64.test(value.replace(/\s+/g, ''))) this.constraint(path, field, 'must be base64-encoded');
    if (node.minLength !== undefined && value.length < node.minLength) this.constraint(path, field, `must be at least ${node.minLength} character(s) long`);
    if (node.maxLength !== undefined && value.length > node.maxLength) this.constraint(path, field, `must be at most ${node.maxLength} characters long`);
    if (node.pattern !== undefined && !safeTest(node.pattern, value)) this.constraint(path, field, `must match the pattern ${node.pattern}`);
  }

  private checkNumber(value: number, node: SchemaNode, path: Path, field: string): void {
    if (node.minimum !== undefined && (node.exclusiveMinimum ? value <= node.minimum : value < node.minimum)) {
      this.constraint(path, field, `must be ${node.exclusiveMinimum ? 'greater than' : 'at least'} ${node.minimum}`);
    }
    if (node.maximum !== undefined && (node.exclusiveMaximum ? value >= node.maximum : value > node.maximum)) {
      this.constraint(path, field, `must be ${node.exclusiveMaximum ? 'less than' : 'at most'} ${node.maximum}`);
    }
  }

  private checkObject(value: JsonObject, node: SchemaNode, path: Path, rootDepth: number, where: string): void {
    const properties = node.properties;
    const additional = node.additionalProperties;
    const embedded = node['x-kubernetes-embedded-resource'] === true;
    // Without properties, a mapping is open unless additionalProperties says otherwise (RawExtension, JSON).
    const closed = properties !== undefined && additional === undefined && !node['x-kubernetes-preserve-unknown-fields'];
    for (const [key, item] of Object.entries(value)) {
      const property = properties?.[key];
      if (property) this.check(item, property, [...path, key], rootDepth, where);
      else if (typeof additional === 'object') this.check(item, additional, [...path, key], rootDepth, where);
      else if ((closed || additional === false) && !(embedded && (key === 'apiVersion' || key === 'kind' || key === 'metadata'))) {
        this.problems.push({ code: 'unknownField', path: [...path, key], field: key, where, suggestion: closest(key, Object.keys(properties ?? {})) });
      }
    }
    for (const key of node.required ?? []) {
      if (value[key] === undefined || value[key] === null) {
        this.problems.push({ code: 'missingField', path: [...path, key], field: key, where, written: value[key] === null });
      }
    }
    const count = Object.keys(value).length;
    const field = fieldName(path.slice(rootDepth));
    if (node.minProperties !== undefined && count < node.minProperties) this.constraint(path, field, `must have at least ${node.minProperties} field(s)`);
    if (node.maxProperties !== undefined && count > node.maxProperties) this.constraint(path, field, `must have at most ${node.maxProperties} field(s)`);
  }
}

const patterns = new Map<string, RegExp | null>();

/** CRD patterns are ECMA-262 in practice; one JavaScript cannot compile is skipped, not a crash. */
function safeTest(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    patterns.set(pattern, regex);
  }
  return regex === null || regex.test(value);
}
