/**
 * The index keeps CustomResourceDefinitions with their schemas cut down and held as text: validating a custom
 * resource against such a record must decide exactly what validating it against the CRD as written did.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ObjectIndex } from '../src/k8s/object-index.js';
import type { JsonObject } from '../src/k8s/model.js';
import { lintText } from '../src/engine/lint-file.js';
import { compactCrd } from '../src/k8s/crd-schema.js';
import { crdSchemaFor, findCrd } from '../src/schema/custom-resources.js';
import { parseYamlFile } from '../src/yaml/parse.js';
import { toValue } from '../src/yaml/to-value.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

function manifestFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every CRD written in the corpora and fixtures, as the engine parses it. */
function crdsOf(...roots: string[]): JsonObject[] {
  const crds: JsonObject[] = [];
  for (const file of roots.flatMap(manifestFiles)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('CustomResourceDefinition')) continue;
    for (const document of parseYamlFile(text).documents) {
      if (document.errors.length > 0 || document.empty) continue;
      let value: unknown;
      try {
        value = toValue(document.doc).value;
      } catch {
        continue;
      }
      if ((value as JsonObject | null)?.kind === 'CustomResourceDefinition') crds.push(value as JsonObject);
    }
  }
  return crds;
}

function versionsOf(crd: JsonObject): string[] {
  const versions = (crd.spec as JsonObject | undefined)?.versions;
  const names = Array.isArray(versions) ? versions.map((entry) => (entry as JsonObject)?.name).filter((name) => typeof name === 'string') : [];
  return [...(names as string[]), 'v0-not-served'];
}

const crds = crdsOf(sharedPath('corpus', 'real'), sharedPath('corpus', 'labeled'), path.join(REPO_ROOT, 'test', 'manifests'));

test('a compact CRD gives every version the schema, served list and name the CRD as written gives', () => {
  assert.ok(crds.length >= 80, `found only ${crds.length} CRDs`);
  const index = new ObjectIndex();
  let schemas = 0;
  for (const crd of crds) {
    const compact = compactCrd(crd);
    for (const version of versionsOf(crd)) {
      const written = crdSchemaFor(crd, version);
      assert.deepEqual(crdSchemaFor(compact, version, index), written);
      assert.deepEqual(crdSchemaFor(compact, version), written);
      if (written.schema) schemas++;
    }
  }
  assert.ok(schemas >= 80, `only ${schemas} versions had a schema`);
});

test('the index keeps no description of a CRD, and its schema as one string', () => {
  const crd = crds.find((item) => JSON.stringify(item).includes('"description"'));
  assert.ok(crd);
  const compact = compactCrd(crd);
  assert.doesNotMatch(JSON.stringify(compact), /"description"/);
  const versions = (compact.spec as JsonObject).versions as JsonObject[];
  assert.equal(typeof (versions[0]!.schema as JsonObject).openAPIV3Schema, 'string');
  assert.ok(JSON.stringify(compact).length < JSON.stringify(crd).length / 2);
});

test('copies of one CRD share one schema per run, read once', () => {
  const crd = crds.find((item) => Array.isArray((item.spec as JsonObject | undefined)?.versions))!;
  const version = versionsOf(crd)[0]!;
  const index = new ObjectIndex();
  const first = crdSchemaFor(compactCrd(crd), version, index).schema;
  assert.ok(first);
  assert.equal(crdSchemaFor(compactCrd(structuredClone(crd)), version, index).schema, first);
  assert.notEqual(crdSchemaFor(compactCrd(crd), version, new ObjectIndex()).schema, first);
});

const edgeCrd = (openAPIV3Schema: unknown): JsonObject =>
  ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', names: { kind: 'Widget' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } }] },
  }) as JsonObject;

test('numbers JSON cannot carry keep the schema as nodes, with the same values', () => {
  const crd = edgeCrd({ type: 'object', properties: { size: { type: 'number', minimum: Number.NaN, maximum: Number.POSITIVE_INFINITY, enum: [-0, 1] } } });
  const compact = compactCrd(crd);
  const kept = (((compact.spec as JsonObject).versions as JsonObject[])[0]!.schema as JsonObject).openAPIV3Schema;
  assert.equal(typeof kept, 'object');
  assert.deepEqual(crdSchemaFor(compact, 'v1', new ObjectIndex()), crdSchemaFor(crd, 'v1'));
});

test('a schema that is not a mapping still counts as none, even a text that reads as JSON', () => {
  for (const schema of ['{"type":"object","required":["size"]}', 42, null, ['type']]) {
    const match = crdSchemaFor(compactCrd(edgeCrd(schema)), 'v1', new ObjectIndex());
    assert.deepEqual(match, { name: 'widgets.example.com', served: ['v1'], versionServed: true, schema: undefined });
  }
});

test('the record of a CRD the engine indexes is compact, and still found by the kind it defines', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'test', 'manifests', 'yaml', 'controller-gen-crd.yaml'), 'utf8');
  assert.match(text, /description:/);
  const index = new ObjectIndex();
  lintText('controller-gen-crd.yaml', text, { rules: [], index, contextOnly: true });
  const [record] = index.ofKind('CustomResourceDefinition', 'apiextensions.k8s.io');
  assert.ok(record);
  assert.doesNotMatch(JSON.stringify(record.value), /"description"/);
  const spec = record.value.spec as JsonObject;
  assert.equal(findCrd(index, spec.group as string, (spec.names as JsonObject).kind as string), record.value);
});
