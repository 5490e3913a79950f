/**
 * The index's lookups by name, which rules use to follow references (a binding's role, a workload's service
 * account, an Ingress backend's Service): the first object in the run, of the group asked for or any.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ObjectIndex, type IndexedObject } from '../src/k8s/object-index.js';
import { anyWorkloadSelectedByMap, podsSelectedByMap } from '../src/k8s/views/references.js';
import { findCrd } from '../src/schema/custom-resources.js';

let line = 0;

function record(group: string, kind: string, name: string | undefined, namespace: string | undefined, value: IndexedObject['value'] = {}): IndexedObject {
  line++;
  const made: IndexedObject = {
    apiVersion: group === '' ? 'v1' : `${group}/v1`, group, kind, labels: {}, annotations: {}, value, pods: [], fromContext: false,
    at: { file: 'all.yaml', region: { startLine: line, startColumn: 1, endLine: line, endColumn: 5 }, path: [] },
  };
  if (name !== undefined) (made as { name?: string }).name = name;
  if (namespace !== undefined) (made as { namespace?: string }).namespace = namespace;
  return made;
}

function lineOf(found: IndexedObject | undefined): number | undefined {
  return found?.at.region.startLine;
}

test('a name finds the first object of its kind, group and namespace in the run', () => {
  const index = new ObjectIndex();
  const first = index.add(record('', 'Service', 'web', 'shop'));
  index.add(record('', 'Service', 'web', 'shop'));
  const other = index.add(record('', 'Service', 'web', 'blog'));
  index.add(record('', 'ServiceAccount', 'web', 'shop'));
  index.seal();
  assert.equal(index.get('Service', 'shop', 'web', ''), first);
  assert.equal(index.get('Service', 'blog', 'web', ''), other);
  assert.equal(index.get('Service', 'shop', 'api', ''), undefined);
  assert.equal(index.get('Service', 'shop', 'web', 'apps'), undefined, 'another group');
  assert.equal(index.get('Deployment', 'shop', 'web', ''), undefined, 'another kind');
});

test('without a group, the first of the kind in the run whatever its group', () => {
  const index = new ObjectIndex();
  const old = index.add(record('extensions', 'Ingress', 'web', 'shop'));
  const current = index.add(record('networking.k8s.io', 'Ingress', 'web', 'shop'));
  const onlyNew = index.add(record('networking.k8s.io', 'Ingress', 'api', 'shop'));
  index.seal();
  assert.equal(index.get('Ingress', 'shop', 'web'), old);
  assert.equal(index.get('Ingress', 'shop', 'web', 'networking.k8s.io'), current);
  assert.equal(index.get('Ingress', 'shop', 'api'), onlyNew);

  // The group of "other" is met first, but "web" of the other group comes first in the run.
  const later = new ObjectIndex();
  later.add(record('extensions', 'Ingress', 'other', 'shop'));
  const second = later.add(record('networking.k8s.io', 'Ingress', 'web', 'shop'));
  later.add(record('extensions', 'Ingress', 'web', 'shop'));
  later.seal();
  assert.equal(lineOf(later.get('Ingress', 'shop', 'web')), lineOf(second), 'run order, not the order the groups were met');
});

test('cluster-scoped objects, the namespace "" and unnamed objects stay apart', () => {
  const index = new ObjectIndex();
  const role = index.add(record('rbac.authorization.k8s.io', 'ClusterRole', 'view', undefined));
  const blank = index.add(record('', 'ConfigMap', 'settings', ''));
  index.add(record('', 'ConfigMap', undefined, 'shop'));
  index.seal();
  assert.equal(index.get('ClusterRole', undefined, 'view', 'rbac.authorization.k8s.io'), role);
  assert.equal(index.get('ClusterRole', '', 'view', 'rbac.authorization.k8s.io'), undefined);
  assert.equal(index.get('ConfigMap', '', 'settings', ''), blank);
  assert.equal(index.get('ConfigMap', undefined, 'settings', ''), undefined);
  assert.equal(index.get('ConfigMap', 'shop', '', ''), undefined, 'an object without a name has none');
});

test('a custom kind its CRD declares cluster-scoped is found without a namespace once the index is sealed', () => {
  const index = new ObjectIndex();
  const crd = { spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Widget' } } };
  index.add(record('apiextensions.k8s.io', 'CustomResourceDefinition', 'widgets.example.com', undefined, crd));
  const widget = index.add(record('example.com', 'Widget', 'blue', 'default'));
  const copy = index.add(record('example.com', 'Widget', 'blue', 'default'));
  index.seal();
  assert.equal(index.get('Widget', undefined, 'blue', 'example.com'), widget);
  assert.equal(index.get('Widget', undefined, 'blue'), widget);
  assert.equal(index.get('Widget', 'default', 'blue', 'example.com'), undefined);
  assert.deepEqual([...index.duplicates()], [[widget, copy]]);
});

test('CRDs are known by what they define without reading their values back from disk', () => {
  // A store that keeps every value and counts the reads, as a large run's file on disk does.
  const stored: IndexedObject['value'][] = [];
  let reads = 0;
  const store = {
    after: 0,
    store: (values: { value: IndexedObject['value'] }) => stored.push(values.value) - 1,
    read: (slot: number) => {
      reads++;
      return { value: stored[slot]!, specs: [] };
    },
  };
  const index = new ObjectIndex(false, store as unknown as ConstructorParameters<typeof ObjectIndex>[1]);
  const crd = (name: string, scope: string) => ({ metadata: { name }, spec: { group: 'example.com', scope, names: { kind: 'Gadget' } } });
  const first = index.add(record('apiextensions.k8s.io', 'CustomResourceDefinition', 'gadgets.example.com', undefined, crd('gadgets.example.com', 'Namespaced')));
  index.add(record('apiextensions.k8s.io', 'CustomResourceDefinition', 'gadgets-again.example.com', undefined, crd('gadgets-again.example.com', 'Cluster')));
  index.add(record('apiextensions.k8s.io', 'CustomResourceDefinition', 'broken', undefined, { spec: { names: { kind: 'Gadget' } } }));
  const gadget = index.add(record('example.com', 'Gadget', 'g', 'default'));
  index.seal();
  assert.equal(reads, 0, 'sealing read no CRD back');
  // The first CRD of the run serves the kind; a later one still declares it cluster-scoped, as before.
  assert.equal(lineOf(index.crdDefining('example.com', 'Gadget')), lineOf(first));
  assert.equal(index.crdDefining('example.com', 'Widget'), undefined);
  assert.equal(index.crdDefining('', 'Gadget'), undefined, 'a CRD without a group defines nothing');
  assert.equal(gadget.namespace, undefined);
  // Validation reads the serving CRD once, however many custom resources ask.
  assert.deepEqual(findCrd(index, 'example.com', 'Gadget'), crd('gadgets.example.com', 'Namespaced'));
  assert.deepEqual(findCrd(index, 'example.com', 'Gadget'), crd('gadgets.example.com', 'Namespaced'));
  assert.equal(reads, 1);
});

test('records kept with their values on disk share one frozen copy of each distinct set of labels', () => {
  const stored: IndexedObject['value'][] = [];
  const store = { after: 0, store: (values: { value: IndexedObject['value'] }) => stored.push(values.value) - 1, read: (slot: number) => ({ value: stored[slot]!, specs: [] }) };
  const index = new ObjectIndex(false, store as unknown as ConstructorParameters<typeof ObjectIndex>[1]);
  const labelled = (name: string, labels: Record<string, string>, podLabels?: Record<string, string>): IndexedObject => {
    const made = record('apps', 'Deployment', name, 'shop');
    const pods = podLabels ? [{ labels: podLabels, spec: {}, path: ['spec', 'template', 'spec'] }] : [];
    return { ...made, labels, pods };
  };
  const web = index.add(labelled('web', { app: 'web', tier: 'front' }, { app: 'web', tier: 'front' }));
  const again = index.add(labelled('web-2', { app: 'web', tier: 'front' }));
  const reordered = index.add(labelled('web-3', { tier: 'front', app: 'web' }));
  const back = index.add(labelled('api', { app: 'web', tier: 'back' }));
  // Two sets whose hashes are equal stay apart, and each is still shared.
  const clash = index.add(labelled('a', { app: 'v7yzx' }));
  const clashing = index.add(labelled('b', { app: 've6ad' }));
  const clashAgain = index.add(labelled('c', { app: 've6ad' }));
  assert.equal(again.labels, web.labels, 'an equal set is the same object');
  assert.equal(web.pods[0]!.labels, web.labels, "a pod template's labels share it too");
  assert.notEqual(reordered.labels, web.labels, 'entries in another order are another set');
  assert.deepEqual(Object.keys(reordered.labels), ['tier', 'app']);
  assert.notEqual(back.labels, web.labels);
  assert.deepEqual(back.labels, { app: 'web', tier: 'back' });
  assert.notEqual(clashing.labels, clash.labels);
  assert.deepEqual([clash.labels, clashing.labels], [{ app: 'v7yzx' }, { app: 've6ad' }]);
  assert.equal(clashAgain.labels, clashing.labels);
  assert.ok(Object.isFrozen(web.labels), 'a shared set cannot be changed through one record');
  assert.equal(index.add(labelled('bare', {})).labels, index.add(labelled('bare-2', {})).labels);
});

/** A Deployment of the run with one pod template carrying `labels`. */
function workload(name: string, namespace: string | undefined, labels: Record<string, string>): IndexedObject {
  const made = record('apps', 'Deployment', name, namespace);
  return { ...made, pods: [{ labels, path: ['spec', 'template', 'spec'], spec: {} }] };
}

test('a map selector finds pod templates in run order, the namespace "" holding those written without one', () => {
  const index = new ObjectIndex();
  const written = index.add(workload('a', '', { app: 'web', tier: 'front' }));
  const unset = index.add(workload('b', undefined, { app: 'web' }));
  const elsewhere = index.add(workload('c', 'shop', { app: 'web' }));
  const later = index.add(workload('d', '', { app: 'web' }));
  index.add(workload('e', undefined, { app: 'api' }));
  index.seal();
  const names = (found: { object: IndexedObject }[]): (string | undefined)[] => found.map(({ object }) => object.name);
  assert.deepEqual(names(podsSelectedByMap(index, '', { app: 'web' })), ['a', 'b', 'd']);
  assert.deepEqual(names(podsSelectedByMap(index, undefined, { app: 'web' })), ['a', 'b', 'd']);
  assert.deepEqual(names(podsSelectedByMap(index, 'shop', { app: 'web' })), ['c']);
  assert.deepEqual(names(podsSelectedByMap(index, '', { app: 'web', tier: 'front' })), ['a'], 'every pair must match');
  assert.deepEqual(podsSelectedByMap(index, '', {}), [], 'an empty map selects nothing');
  assert.equal(podsSelectedByMap(index, 'shop', { app: 'web' })[0]!.object, elsewhere);
  assert.ok(anyWorkloadSelectedByMap(index, undefined, { app: 'api' }));
  assert.ok(!anyWorkloadSelectedByMap(index, 'shop', { app: 'api' }));
  // Unset and "" are one scope for the yes-or-no lookup too, whichever of the two the Service names.
  assert.ok(anyWorkloadSelectedByMap(index, '', { app: 'api' }), 'a template written without a namespace, asked from ""');
  assert.ok(anyWorkloadSelectedByMap(index, undefined, { app: 'web', tier: 'front' }), 'a template written with "", asked without');
  assert.ok(!anyWorkloadSelectedByMap(index, '', { app: 'db' }));
  assert.ok(!anyWorkloadSelectedByMap(index, '', { app: 'api', tier: 'front' }), 'every pair must match');
  assert.deepEqual([written, unset, later].map((object) => object.name), ['a', 'b', 'd']);
});

test('objects of a kind in a namespace, of one API group or any, in run order', () => {
  const index = new ObjectIndex();
  index.add(record('', 'Service', 'a', 'shop'));
  index.add(record('serving.knative.dev', 'Service', 'b', 'shop'));
  index.add(record('', 'Service', 'c', 'blog'));
  index.add(record('', 'Service', 'd', 'shop'));
  index.add(record('', 'Service', 'e', undefined));
  index.seal();
  const names = (found: readonly IndexedObject[]): (string | undefined)[] => found.map((object) => object.name);
  assert.deepEqual(names(index.ofKindIn('Service', 'shop')), ['a', 'b', 'd']);
  assert.deepEqual(names(index.ofKindIn('Service', 'shop', '')), ['a', 'd']);
  assert.deepEqual(names(index.ofKindIn('Service', 'shop', 'serving.knative.dev')), ['b']);
  assert.deepEqual(names(index.ofKindIn('Service', undefined, '')), ['e']);
  assert.deepEqual(names(index.ofKindIn('Service', 'other')), []);
  assert.deepEqual(names(index.ofKindIn('Ingress', 'shop')), []);
});

test('copies are grouped by group, kind and namespace, each identity in the order it first came', () => {
  const index = new ObjectIndex();
  const web = index.add(record('', 'Service', 'web', 'shop'));
  const account = index.add(record('', 'ServiceAccount', 'web', 'shop'));
  const unset = index.add(record('', 'ConfigMap', 'web', undefined));
  index.add(record('', 'Service', 'web', 'blog'));
  const blank = index.add(record('', 'ConfigMap', 'web', ''));
  const accountAgain = index.add(record('', 'ServiceAccount', 'web', 'shop'));
  index.add(record('apps', 'Service', 'web', 'shop'));
  const webAgain = index.add(record('', 'Service', 'web', 'shop'));
  const webThird = index.add(record('', 'Service', 'web', 'shop'));
  index.add(record('', 'Service', 'api', 'shop'));
  index.seal();
  assert.deepEqual([...index.duplicates()], [[web, webAgain, webThird], [account, accountAgain], [unset, blank]], 'no namespace and "" alike; another group apart');
});

test('the objects of a kind and group, in run order', () => {
  const index = new ObjectIndex();
  const old = index.add(record('extensions', 'Ingress', 'a', 'shop'));
  const current = index.add(record('networking.k8s.io', 'Ingress', 'b', 'shop'));
  const oldAgain = index.add(record('extensions', 'Ingress', 'c', 'blog'));
  const service = index.add(record('', 'Service', 'a', 'shop'));
  index.seal();
  assert.deepEqual(index.ofKind('Ingress', 'extensions'), [old, oldAgain]);
  assert.deepEqual(index.ofKind('Ingress', 'networking.k8s.io'), [current]);
  assert.deepEqual(index.ofKind('Ingress'), [old, current, oldAgain]);
  assert.deepEqual(index.ofKind('Service', ''), [service]);
  assert.deepEqual(index.ofKind('Service', 'apps'), []);
  assert.deepEqual(index.ofKind('Gateway', 'gateway.networking.k8s.io'), []);
});
