/**
 * The run's string table: what the index and waiting checks keep holds copies of its strings, never slices of a
 * file's text; equal paths and label sets are one object.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringTable } from '../src/k8s/detach.js';

test('equal strings come back as one copy, and a long one is no slice of the text it came from', () => {
  const table = new StringTable();
  const text = `metadata:\n  name: ${'payments-api-'.repeat(4)}v1\n`;
  const name = text.slice(text.indexOf('payments'), text.lastIndexOf('\n'));
  const copy = table.string(name);
  assert.equal(copy, name);
  assert.equal(table.string(`${'payments-api-'.repeat(4)}v1`), copy);
  assert.equal(table.path(['spec', 'template', 'spec']), table.path(['spec', 'template', 'spec']));
  const labels = table.entries({ app: 'web', tier: 'front' });
  assert.equal(table.entries({ app: 'web', tier: 'front' }), labels);
  assert.notEqual(table.entries({ tier: 'front', app: 'web' }), labels, 'another order is another set');
  assert.ok(Object.isFrozen(labels));
});

test('lending the display name of the file being linted changes no string the table gives back', () => {
  const table = new StringTable();
  const first = ['apps', 'payments', 'deployment.yaml'].join('/');
  table.adopt(first);
  assert.equal(table.string('apps/payments/deployment.yaml'), first);
  const record = { at: { file: 'apps/payments/deployment.yaml', region: { startLine: 4 } }, names: ['apps/payments/deployment.yaml', 'web'] };
  assert.equal(table.detachInPlace(record), true);
  assert.deepEqual(record, { at: { file: first, region: { startLine: 4 } }, names: [first, 'web'] });
  table.adopt('apps/payments/service.yaml');
  // The first file's name is a string like any other from here on, still equal.
  assert.equal(table.string('apps/payments/deployment.yaml'), first);
  assert.equal(table.string('apps/payments/service.yaml'), 'apps/payments/service.yaml');
  table.adopt('apps/payments/deployment.yaml');
  assert.equal(table.string(first), first);
});

/** Whether a heap snapshot of this process holds a string starting with `marker`. */
async function heapHolds(marker: string): Promise<boolean> {
  const { getHeapSnapshot } = await import('node:v8');
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += String(chunk);
  const snapshot = JSON.parse(json) as { strings: string[] };
  return snapshot.strings.some((text) => text.startsWith(marker));
}

test('what the table gives back keeps no file text alive, long strings and short', async () => {
  const table = new StringTable();
  const marker = `kmlint-text-${process.pid}-${Date.now()}`;
  let text: string | undefined = `${marker}\n${'# padding\n'.repeat(2000)}metadata:\n  name: payments-api-gateway-canary\n  namespace: shop\n`;
  const kept = [
    table.string(text.slice(text.indexOf('payments'), text.indexOf('\n', text.indexOf('payments')))),
    table.string(text.slice(text.indexOf('shop'), text.indexOf('shop') + 4)),
  ];
  assert.ok(await heapHolds(`${marker}\n# padding`), 'the text is in the heap while it is referenced');
  text = undefined;
  assert.equal(await heapHolds(`${marker}\n# padding`), false, 'nothing the table gave back holds the text');
  assert.deepEqual(kept, ['payments-api-gateway-canary', 'shop']);
});
