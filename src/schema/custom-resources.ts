/** Custom resources and their CustomResourceDefinitions: which CRD serves an object, and its schema. */
import { isObject, isString } from '../k8s/json.js';
import type { JsonObject, JsonValue } from '../k8s/model.js';
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import { toSchemaNode } from '../k8s/crd-schema.js';
import type { SchemaNode } from '../k8s/schema-node.js';

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
  const record = index.crdDefining(group, kind);
  if (!record) return extra.find(defines);
  // Each CRD read once while the rule that asks runs its checks: every custom resource of its kind asks, and a
  // large run keeps values on disk. Schema validation alone asks, so they go as its checks end.
  const values = index.ruleMemo('crd-values', () => new Map<IndexedObject, JsonObject>());
  let crd = values.get(record);
  if (crd === undefined) values.set(record, (crd = record.value));
  return crd;
}

/**
 * The served version's `openAPIV3Schema` (v1 CRDs: per version; a top-level `validation` also counts), of a CRD
 * as `compactCrd` keeps it (a text there is one of ours, read once per `index`).
 */
export function crdSchemaFor(crd: JsonObject, version: string, index?: ObjectIndex): CrdMatch {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const name = isObject(crd.metadata) && isString(crd.metadata.name) ? crd.metadata.name : '(unnamed)';
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const served = versions.filter((entry) => entry.served !== false && isString(entry.name)).map((entry) => entry.name as string);
  const entry = versions.find((item) => item.name === version && item.served !== false);
  if (!entry) return { name, served, versionServed: false };
  const schema = schemaOf(entry.schema, index) ?? schemaOf(spec.validation, index);
  return { name, served, versionServed: true, schema };
}

function schemaOf(value: JsonValue | undefined, index: ObjectIndex | undefined): SchemaNode | undefined {
  if (!isObject(value)) return undefined;
  const schema = value.openAPIV3Schema;
  if (isObject(schema)) return toSchemaNode(schema);
  if (!isString(schema)) return undefined;
  const read = (): SchemaNode => JSON.parse(schema) as SchemaNode;
  if (!index) return read();
  const nodes = index.ruleMemo('crd-schema-nodes', () => new Map<string, SchemaNode>());
  let node = nodes.get(schema);
  if (node === undefined) nodes.set(schema, (node = read()));
  return node;
}
