/** Custom resources and their CustomResourceDefinitions: which CRD serves an object, and its schema. */
import { isObject, isString } from '../k8s/json.js';
import type { JsonObject, JsonValue } from '../k8s/model.js';
import type { ObjectIndex } from '../k8s/object-index.js';
import type { SchemaNode } from './schema-node.js';

export interface CrdMatch {
  /** The CRD's name, for messages. */
  name: string;
  /** The schema of the object's version, when the CRD serves it and gives one. */
  schema?: SchemaNode;
  /** The versions the CRD serves, when the object's is not one of them. */
  served: string[];
  versionServed: boolean;
}

/** The CRD defining `group` + `kind` among the indexed objects (inputs and context), else among `extra`. */
export function findCrd(index: ObjectIndex, group: string, kind: string, extra: readonly JsonObject[] = []): JsonObject | undefined {
  const defines = (crd: JsonObject): boolean => {
    const spec = crd.spec;
    return isObject(spec) && spec.group === group && isObject(spec.names) && spec.names.kind === kind;
  };
  // The run's CRDs by what they define, built once per run: every custom resource asks.
  const byKind = index.memo('crds-by-kind', () => {
    const table = new Map<string, JsonObject>();
    for (const { value: crd } of index.ofKind('CustomResourceDefinition', 'apiextensions.k8s.io')) {
      const spec = crd.spec;
      if (!isObject(spec) || !isString(spec.group) || !isObject(spec.names) || !isString(spec.names.kind)) continue;
      const key = `${spec.group}\u0000${spec.names.kind}`;
      if (!table.has(key)) table.set(key, crd);
    }
    return table;
  });
  return byKind.get(`${group}\u0000${kind}`) ?? extra.find(defines);
}

/** The served version's `openAPIV3Schema` (v1 CRDs: per version; a top-level `validation` also counts). */
export function crdSchemaFor(crd: JsonObject, version: string): CrdMatch {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const name = isObject(crd.metadata) && isString(crd.metadata.name) ? crd.metadata.name : '(unnamed)';
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const served = versions.filter((entry) => entry.served !== false && isString(entry.name)).map((entry) => entry.name as string);
  const entry = versions.find((item) => item.name === version && item.served !== false);
  if (!entry) return { name, served, versionServed: false };
  const schema = schemaOf(entry.schema) ?? schemaOf(spec.validation);
  return { name, served, versionServed: true, schema };
}

function schemaOf(value: JsonValue | undefined): SchemaNode | undefined {
  if (!isObject(value) || !isObject(value.openAPIV3Schema)) return undefined;
  return toSchemaNode(value.openAPIV3Schema);
}

const NUMBERS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;
const FLAGS = ['nullable', 'exclusiveMinimum', 'exclusiveMaximum', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource'] as const;

/** An `openAPIV3Schema` as written, kept only where each field has the shape the validator expects. */
export function toSchemaNode(value: JsonObject): SchemaNode {
  const node: SchemaNode = {};
  if (isString(value.type)) node.type = value.type;
  if (isString(value.format)) node.format = value.format;
  if (isString(value.pattern)) node.pattern = value.pattern;
  for (const key of NUMBERS) if (typeof value[key] === 'number') node[key] = value[key];
  for (const key of FLAGS) if (value[key] === true) node[key] = true;
  if (Array.isArray(value.enum)) node.enum = value.enum;
  if (Array.isArray(value.required)) node.required = value.required.filter(isString);
  if (isObject(value.properties)) {
    node.properties = Object.fromEntries(Object.entries(value.properties).filter(([, item]) => isObject(item)).map(([key, item]) => [key, toSchemaNode(item as JsonObject)]));
  }
  if (isObject(value.items)) node.items = toSchemaNode(value.items);
  if (isObject(value.additionalProperties)) node.additionalProperties = toSchemaNode(value.additionalProperties);
  else if (typeof value.additionalProperties === 'boolean') node.additionalProperties = value.additionalProperties;
  const rules = value['x-kubernetes-validations'];
  if (Array.isArray(rules)) {
    node['x-kubernetes-validations'] = rules.filter(isObject).flatMap((rule) =>
      isString(rule.rule)
        ? [{ rule: rule.rule, message: isString(rule.message) ? rule.message : undefined, messageExpression: isString(rule.messageExpression) ? rule.messageExpression : undefined, fieldPath: isString(rule.fieldPath) ? rule.fieldPath : undefined }]
        : [],
    );
  }
  return node;
}
