/**
 * CRD schemas as the validator reads them (`toSchemaNode`), and CRDs as the run's index keeps them
 * (`compactCrd`): here, beside the object model, because the index keeps them; `schema/` validates with them.
 */
import { isObject, isString } from './json.js';
import type { JsonObject, JsonValue } from './model.js';
import type { CelRule, SchemaNode } from './schema-node.js';

/**
 * A CRD as the index keeps it: each `openAPIV3Schema` cut down to what the validator reads (`toSchemaNode`,
 * no descriptions or examples) and kept as its JSON text. Schemas were most of the index: thousands of
 * small objects per CRD, once per copy of it (charts and overlays repeat CRDs), where the text is one string
 * the run's string table shares between copies. `crdSchemaFor` reads the text back, once per distinct schema
 * while the rule that asks runs its checks. A schema whose numbers JSON cannot carry exactly (NaN,
 * infinities, -0) is kept as nodes instead.
 * Every CRD `crdSchemaFor` reads has been through here (the index's, and those of `schemaDirs`).
 */
export function compactCrd(crd: JsonObject): JsonObject {
  const spec = crd.spec;
  if (!isObject(spec)) return crd;
  const compactSpec: JsonObject = { ...spec };
  if (Array.isArray(spec.versions)) compactSpec.versions = spec.versions.map((entry) => (isObject(entry) ? withCompactSchema(entry) : entry));
  if (isObject(spec.validation)) compactSpec.validation = withCompactSchema({ schema: spec.validation }).schema as JsonValue;
  return { ...crd, spec: compactSpec };
}

function withCompactSchema(entry: JsonObject): JsonObject {
  const schema = entry.schema;
  if (!isObject(schema) || !('openAPIV3Schema' in schema)) return entry;
  const { openAPIV3Schema, ...rest } = schema;
  // A schema that is not a mapping counts as none; dropping it leaves every text here one of ours.
  if (!isObject(openAPIV3Schema)) return { ...entry, schema: rest };
  return { ...entry, schema: { ...rest, openAPIV3Schema: jsonOrNode(toSchemaNode(openAPIV3Schema)) } };
}

function jsonOrNode(node: SchemaNode): JsonValue {
  let exact = true;
  const text = JSON.stringify(node, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) exact = false;
    return value;
  });
  return exact ? text : (node as JsonObject);
}

/** A CEL rule with the optional fields that are written: its JSON text reads back as the same rule. */
function celRuleOf(rule: string, written: JsonObject): CelRule {
  const kept: CelRule = { rule };
  for (const key of ['message', 'messageExpression', 'fieldPath'] as const) {
    const item = written[key];
    if (isString(item)) kept[key] = item;
  }
  return kept;
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
        ? [celRuleOf(rule.rule, rule)]
        : [],
    );
  }
  return node;
}
