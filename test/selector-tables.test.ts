/**
 * The tables the checks across files look selectors up in. `selectsAny` stops at the first match, so a
 * namespace crowded with copies of an app costs one test, not one per copy; it must answer as the full
 * lookup does, whatever the selector requires.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonValue } from '../src/k8s/model.js';
import { LabelledTable, SelectorTable, type Labels } from '../src/k8s/selectors.js';

interface Policy {
  name: string;
  namespace: string;
  podSelector: JsonValue | undefined;
}

const POLICIES: Policy[] = [
  { name: 'deny-all', namespace: 'open', podSelector: {} },
  { name: 'web', namespace: 'shop', podSelector: { matchLabels: { app: 'web' } } },
  { name: 'web-canary', namespace: 'shop', podSelector: { matchLabels: { app: 'web', track: 'canary' } } },
  { name: 'not-db', namespace: 'shop', podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] } },
  { name: 'tier', namespace: 'shop', podSelector: { matchLabels: { tier: 'front' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
  { name: 'no-selector', namespace: 'shop', podSelector: undefined },
];

const POD_LABELS: [string, Labels][] = [
  ['open', { app: 'anything' }],
  ['open', {}],
  ['shop', { app: 'web' }],
  ['shop', { app: 'web', track: 'canary' }],
  ['shop', { app: 'db' }],
  ['shop', { tier: 'front', app: 'db' }],
  ['shop', { tier: 'front' }],
  ['shop', {}],
  ['elsewhere', { app: 'web' }],
];

test('a policy table answers "is any selecting these labels" as its full lookup does', () => {
  const table = new SelectorTable(POLICIES, (policy) => policy.namespace, (policy) => policy.podSelector, 'label');
  const answers = POD_LABELS.map(([namespace, labels]) => {
    const selecting = table.selecting(namespace, labels).map((policy) => policy.name);
    assert.equal(table.selectsAny(namespace, labels), selecting.length > 0, `${namespace} ${JSON.stringify(labels)}`);
    return selecting;
  });
  // NotIn selects pods without the key, as the API server does.
  assert.deepEqual(answers, [['deny-all'], ['deny-all'], ['web', 'not-db'], ['web', 'web-canary', 'not-db'], [], ['tier'], ['not-db'], ['not-db'], []]);
});

test('a table of pod templates answers "does this selector select any" as its full lookup does', () => {
  const templates = POD_LABELS.map(([namespace, labels], position) => ({ name: `pod-${position}`, namespace, labels }));
  const table = new LabelledTable(templates, (template) => template.namespace, (template) => [template.labels]);
  const selectors: [string, JsonValue][] = [
    ['shop', { app: 'web' }],
    ['shop', { app: 'web', track: 'canary' }],
    ['shop', { app: 'web', track: 'stable' }],
    ['shop', {}],
    ['elsewhere', { app: 'db' }],
    ['nowhere', { app: 'web' }],
  ];
  const answers = selectors.map(([namespace, selector]) => {
    const selected = table.selectedBy(namespace, 'map', selector).map((template) => template.name);
    assert.equal(table.selectsAny(namespace, 'map', selector), selected.length > 0, `${namespace} ${JSON.stringify(selector)}`);
    return selected;
  });
  // An empty map selector selects nothing (a Service without a selector has endpoints managed elsewhere).
  assert.deepEqual(answers, [['pod-2', 'pod-3'], ['pod-3'], [], [], [], []]);
});

test('in a namespace crowded with copies of an app, the kept answers stay those of the full lookup', () => {
  const copies = Array.from({ length: 40 }, (_, copy) => copy);
  const policies = copies.map((copy) => ({ name: `web-${copy}`, namespace: 'shop', podSelector: { matchLabels: { app: 'web', copy: String(copy) } } }));
  const policyTable = new SelectorTable(policies, (policy) => policy.namespace, (policy) => policy.podSelector, 'label');
  const templates = copies.map((copy) => ({ namespace: 'shop', labels: { app: 'web', copy: String(copy) } }));
  const templateTable = new LabelledTable(templates, (template) => template.namespace, (template) => [template.labels]);
  const pods: Labels[] = [{ app: 'web', copy: '7' }, { app: 'web', copy: 'stray' }, { app: 'web' }, { app: 'web', copy: '39' }];
  // Each question twice: the second answer is the kept one.
  for (const labels of [...pods, ...pods]) {
    assert.equal(policyTable.selectsAny('shop', labels), policyTable.selecting('shop', labels).length > 0, JSON.stringify(labels));
    assert.equal(policyTable.selectsAny('elsewhere', labels), false);
    assert.equal(templateTable.selectsAny('shop', 'map', labels), templateTable.selectedBy('shop', 'map', labels).length > 0, JSON.stringify(labels));
  }
  assert.deepEqual(
    pods.map((labels) => [policyTable.selectsAny('shop', labels), templateTable.selectsAny('shop', 'map', labels)]),
    [
      [true, true],
      [false, false],
      [false, true],
      [true, true],
    ],
  );
});

test('among many candidates a list is worked out once: asked again, no label is read and the list is the same', () => {
  const templates = Array.from({ length: 40 }, (_, copy) => ({ name: `web-${copy}`, namespace: 'shop', labels: { app: 'web', track: copy % 4 === 1 ? 'canary' : 'stable' } }));
  let reads = 0;
  const table = new LabelledTable(templates, (template) => template.namespace, (template) => (reads++, [template.labels]));
  const canary = { app: 'web', track: 'canary' };
  reads = 0;
  const first = table.selectedBy('shop', 'map', canary).map((template) => template.name);
  assert.deepEqual(first, Array.from({ length: 10 }, (_, n) => `web-${n * 4 + 1}`));
  assert.equal(reads, 40, 'every candidate carrying "app" is tested once');
  for (let copy = 0; copy < 40; copy++) assert.deepEqual(table.selectedBy('shop', 'map', { ...canary }).map((template) => template.name), first);
  assert.equal(reads, 40, 'the copies asking again read no label');
  // Another question, and a scope of few candidates, are worked out on their own.
  assert.deepEqual(table.selectedBy('shop', 'map', { app: 'web', track: 'stable' }).length, 30);
  assert.deepEqual(table.selectedBy('elsewhere', 'map', canary), []);
});
