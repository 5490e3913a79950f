/** The deprecation table against the bundled 1.36 spec and the shared fact table it was built from. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_DEPRECATIONS, deprecationStatus } from '../src/k8s/deprecations.js';
import { kubernetesSchema } from '../src/schema/kubernetes.js';
import { sharedPath } from './support/shared.js';

interface Removal {
  removedIn: string;
  apiVersion: string;
  kind: string;
  replacement: string | null;
}

const BUILT_IN = /^(v1|[a-z]+\/v|[a-z.]+\.k8s\.io\/v)/;

test('no apiVersion + kind the table marks removed by 1.36 is served by the bundled spec; every final replacement is', () => {
  const { kinds } = kubernetesSchema();
  for (const entry of API_DEPRECATIONS) {
    if (entry.apiVersion.startsWith('snapshot.storage.k8s.io/')) continue; // CRDs, not the API server's
    const status = deprecationStatus(entry, '1.36');
    const served = kinds[entry.apiVersion]?.[entry.kind] !== undefined;
    assert.equal(status, 'removed', `${entry.apiVersion} ${entry.kind}: every row is removed by 1.36`);
    assert.equal(served, false, `${entry.apiVersion} ${entry.kind} is marked removed but the 1.36 spec serves it`);
    let replacement = entry.replacement;
    for (let next = API_DEPRECATIONS.find((row) => row.apiVersion === replacement && row.kind === entry.kind); next; next = API_DEPRECATIONS.find((row) => row.apiVersion === replacement && row.kind === entry.kind)) {
      replacement = next.replacement;
    }
    if (replacement !== null) assert.ok(kinds[replacement]?.[entry.kind], `${entry.kind}: the replacement ${replacement} is served in 1.36`);
  }
});

test('every built-in apiVersion the 1.36 spec serves is absent from the table (none is deprecated for removal yet)', () => {
  const { kinds } = kubernetesSchema();
  for (const [apiVersion, byKind] of Object.entries(kinds)) {
    assert.ok(BUILT_IN.test(apiVersion));
    for (const kind of Object.keys(byKind)) {
      assert.equal(API_DEPRECATIONS.find((row) => row.apiVersion === apiVersion && row.kind === kind), undefined, `${apiVersion} ${kind}`);
    }
  }
});

test('the table holds every removal of the shared fact table (1.16 to 1.33), with the same release and replacement', () => {
  const facts = JSON.parse(readFileSync(sharedPath('schemas', 'kubernetes', 'removed-apis-1.16-1.33.json'), 'utf8')) as { removed: Removal[] };
  for (const fact of facts.removed) {
    const row = API_DEPRECATIONS.find((entry) => entry.apiVersion === fact.apiVersion && entry.kind === fact.kind);
    assert.ok(row, `${fact.apiVersion} ${fact.kind} is in the table`);
    assert.equal(row.removedIn, fact.removedIn);
    assert.equal(row.replacement, fact.replacement);
  }
});

test('deprecation status follows the target version', () => {
  const cronJob = API_DEPRECATIONS.find((entry) => entry.apiVersion === 'batch/v1beta1' && entry.kind === 'CronJob')!;
  assert.equal(deprecationStatus(cronJob, '1.20'), 'ok');
  assert.equal(deprecationStatus(cronJob, '1.21'), 'deprecated');
  assert.equal(deprecationStatus(cronJob, '1.24'), 'deprecated');
  assert.equal(deprecationStatus(cronJob, '1.25'), 'removed');
});
