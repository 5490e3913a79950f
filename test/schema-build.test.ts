/** The compact Kubernetes schema shipped in schemas/ is what the build script makes of the upstream spec. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compactSchemaText, OUTPUT } from '../scripts/build-k8s-schemas.js';
import { kubernetesSchema, readSchema } from '../src/schema/kubernetes.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

test('schemas/kubernetes-1.36.json is up to date: run npm run build:schemas', () => {
  sharedPath('schemas', 'kubernetes', 'swagger-release-1.36.json');
  const committed = readFileSync(OUTPUT, 'utf8');
  assert.ok(committed === compactSchemaText(), 'the committed schema differs from what scripts/build-k8s-schemas.ts produces');
});

test('the package ships the schema and needs nothing outside it at run time', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
  assert.ok(manifest.files.includes('schemas'), 'package.json "files" lists schemas/');
  assert.equal(path.dirname(OUTPUT), path.join(REPO_ROOT, 'schemas'));
  const schema = kubernetesSchema();
  assert.equal(schema.kinds['apps/v1']?.Deployment, 'io.k8s.api.apps.v1.Deployment');
  // Only served group-versions: shared types list long-removed ones in their group-version-kind lists.
  assert.equal(schema.kinds['extensions/v1beta1'], undefined);
  assert.equal(schema.kinds['batch/v1beta1'], undefined);
  assert.deepEqual(schema.definition('io.k8s.api.core.v1.Container')?.properties?.imagePullPolicy?.enum, ['Always', 'Never', 'IfNotPresent']);
});

test('the schema read a definition at a time gives what parsing the whole file gives', () => {
  const text = readFileSync(OUTPUT, 'utf8');
  const whole = JSON.parse(text) as { kubernetesVersion: string; kinds: Record<string, Record<string, string>>; definitions: Record<string, unknown> };
  const names = Object.keys(whole.definitions);
  assert.ok(names.length > 500, `${names.length} definitions`);
  const schema = readSchema(text);
  assert.equal(schema.kubernetesVersion, whole.kubernetesVersion);
  assert.deepEqual(schema.kinds, whole.kinds);
  for (const name of names) assert.deepEqual(schema.definition(name), whole.definitions[name], name);
  assert.equal(schema.definition('io.k8s.api.core.v1.NoSuchThing'), undefined);
  assert.equal(schema.definition('io.k8s.api.core.v1.Container'), schema.definition('io.k8s.api.core.v1.Container'), 'parsed once, then shared');
  const crlf = readSchema(text.replaceAll('\n', '\r\n'));
  assert.deepEqual(crlf.kinds, whole.kinds);
  for (const name of names) assert.deepEqual(crlf.definition(name), whole.definitions[name], `${name}, with Windows line endings`);
});
