/**
 * When a reference to a missing object is a finding. The cluster provides some objects (the `default`
 * ServiceAccount, `kube-root-ca.crt`, built-in ClusterRoles), and a partial input (one chart of many, a
 * pre-commit run without the sibling files) lacks others: unless the run is complete, a reference is only
 * dangling when the input carries objects of that family in the namespace, so it is seen to hold them.
 */
import { isObject, stringEntries, valueAt } from '../json.js';
import { type IndexedObject, type IndexedPod, type ObjectIndex, scopeKey } from '../object-index.js';
import { LabelledTable, mapSelectorMatches, type Labels } from '../selectors.js';
import type { JsonValue } from '../model.js';
import { workloadOf } from '../workloads.js';

export function inputHolds(index: ObjectIndex, namespace: string | undefined, accepts: (record: IndexedObject) => boolean, memoKey?: string): boolean {
  if (memoKey !== undefined) return index.memo(`holds:${memoKey}:${scopeKey(namespace)}`, () => inputHolds(index, namespace, accepts));
  if (index.complete) return true;
  return index.inNamespace(namespace).some(accepts);
}

/** `inputHolds` for objects of a kind (of one API group when given): a table lookup. */
export function inputHoldsKind(index: ObjectIndex, namespace: string | undefined, kind: string, group?: string): boolean {
  return index.complete || index.ofKindIn(kind, namespace, group).length > 0;
}

/** Up to three related locations, so a finding names what it was compared with without flooding the output. */
export function someRelated(records: readonly IndexedObject[], message: (record: IndexedObject) => string): { at: IndexedObject['at']; message: string }[] {
  return records.slice(0, 3).map((record) => ({ at: record.at, message: message(record) }));
}

/**
 * The pod-template labels of a record: its pod specs' labels, or, for a workload written without a
 * template spec (a fragment, a test), the labels at the workload's template metadata path.
 */
export function templateLabelSets(record: IndexedObject): readonly Labels[] {
  if (record.pods.length > 0) return record.pods.map((pod) => pod.labels);
  const metadata = workloadOf(record.apiVersion, record.kind)?.pods[0]?.metadata;
  if (!metadata || metadata.includes('*')) return [];
  // Read from the value (back from disk in a large run) once: every lookup that finds the record asks again.
  let sets = labelSets.get(record);
  if (!sets) {
    const labels = valueAt(record.value, [...metadata, 'labels']);
    sets = isObject(labels) ? [stringEntries(labels)] : [];
    labelSets.set(record, sets);
  }
  return sets;
}

const labelSets = new WeakMap<IndexedObject, readonly Labels[]>();

/** Objects of the namespace with a pod template that a `metav1.LabelSelector` selects, in run order. */
export function workloadsSelected(index: ObjectIndex, namespace: string | undefined, selector: JsonValue | undefined): readonly IndexedObject[] {
  return templatesByLabel(index).selectedBy(scopeKey(namespace ?? ''), 'label', selector);
}

/** Whether the LabelSelector selects any pod template of the namespace. */
export function anyWorkloadSelected(index: ObjectIndex, namespace: string | undefined, selector: JsonValue | undefined): boolean {
  return templatesByLabel(index).selectsAny(scopeKey(namespace ?? ''), 'label', selector);
}

/** Whether the LabelSelector selects any pod template of the run, cluster-scoped objects included. */
export function anyWorkloadSelectedAnywhere(index: ObjectIndex, selector: JsonValue | undefined): boolean {
  // A table of its own, built only when asked: few selectors look at every namespace.
  const table = index.memo('templates-anywhere', () => new LabelledTable(index.all, () => EVERY_NAMESPACE, templateLabelSets));
  return table.selectsAny(EVERY_NAMESPACE, 'label', selector);
}

/**
 * Whether a map selector (written without controller labels) selects any pod template of the namespace;
 * a cluster-scoped object counts as in the namespace "".
 */
export function anyWorkloadSelectedByMap(index: ObjectIndex, namespace: string | undefined, selector: Labels): boolean {
  // Stops at the first match: many copies of an app in one namespace would make listing them all quadratic.
  const table = templatesByLabel(index);
  if (namespace !== undefined && namespace !== '') return table.selectsAny(scopeKey(namespace), 'map', selector);
  return table.selectsAny(scopeKey(undefined), 'map', selector) || table.selectsAny(scopeKey(''), 'map', selector);
}

export interface PodMatch {
  object: IndexedObject;
  pod: IndexedPod;
}

/** The pods of the namespace that a plain map selector (a Service's) selects, each with its object, in run order. */
export function podsSelectedByMap(index: ObjectIndex, namespace: string | undefined, selector: JsonValue | undefined): PodMatch[] {
  return workloadsSelectedByMap(index, namespace, selector).flatMap((object) =>
    object.pods.filter((pod) => mapSelectorMatches(selector, pod.labels)).map((pod) => ({ object, pod })),
  );
}

/** Objects whose pod template a plain map selector selects; the namespace "" holds the cluster-scoped ones too. */
function workloadsSelectedByMap(index: ObjectIndex, namespace: string | undefined, selector: JsonValue | undefined): readonly IndexedObject[] {
  const table = templatesByLabel(index);
  if (namespace !== undefined && namespace !== '') return table.selectedBy(scopeKey(namespace), 'map', selector);
  const unset = table.selectedBy(scopeKey(undefined), 'map', selector);
  const empty = table.selectedBy(scopeKey(''), 'map', selector);
  if (empty.length === 0 || unset.length === 0) return empty.length === 0 ? unset : empty;
  const positions = index.memo('record-positions', () => new Map(index.all.map((record, position) => [record, position])));
  return [...unset, ...empty].sort((a, b) => positions.get(a)! - positions.get(b)!);
}

/** A table scope (never one `scopeKey` gives) that holds the objects of every namespace. */
export const EVERY_NAMESPACE = '*';

function templatesByLabel(index: ObjectIndex): LabelledTable<IndexedObject> {
  return index.memo('templates-by-selector', () => new LabelledTable(index.all, (record) => scopeKey(record.namespace), templateLabelSets));
}

/** The namespace holds pod templates in the input (so a selector that matches none is dangling). */
export function inputHoldsTemplates(index: ObjectIndex, namespace: string | undefined): boolean {
  return inputHolds(index, namespace, (record) => templateLabelSets(record).length > 0, 'templates');
}

/** Custom kinds that configure other objects and never run pods of their own. */
const CONFIG_ONLY_KINDS = new Set([
  'ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'ScrapeConfig', 'Certificate', 'Issuer', 'SealedSecret', 'ExternalSecret',
  'VirtualService', 'DestinationRule', 'Gateway', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'ServiceEntry',
  'Sidecar', 'EnvoyFilter', 'Telemetry',
]);

/** API groups of the built-in kinds; anything else is a custom resource some operator acts on. */
function isBuiltInGroup(group: string): boolean {
  return group === '' || group.endsWith('.k8s.io') || ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(group);
}

/**
 * Pods an operator creates are invisible to kmlint (an Alertmanager resource becomes a StatefulSet on the
 * cluster, a storage manager starts its own pods): when the input installs an operator (it holds CRDs) or
 * the namespace holds custom resources, a pod selector that matches nothing is not judged, unless the run
 * is complete.
 */
export function operatorMayCreatePods(index: ObjectIndex, namespace: string | undefined): boolean {
  if (index.complete) return false;
  return index.memo(`operator-may-create-pods:${namespace ?? ''}`, () => operatorInNamespace(index, namespace));
}

function operatorInNamespace(index: ObjectIndex, namespace: string | undefined): boolean {
  if (index.ofKind('CustomResourceDefinition', 'apiextensions.k8s.io').length > 0) return true;
  return index.inNamespace(namespace).some((record) => !isBuiltInGroup(record.group) && templateLabelSets(record).length === 0 && !CONFIG_ONLY_KINDS.has(record.kind));
}

/** Labels that controllers add to the pods they create, never written in a template. */
const CONTROLLER_LABELS = new Set(['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'pod-template-hash', 'controller-revision-hash', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/controller-uid', 'job-name', 'controller-uid']);

/** A map selector without the controller-added labels (a Service per StatefulSet pod selects by pod name). */
export function withoutControllerLabels(selector: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(selector).filter(([key]) => !CONTROLLER_LABELS.has(key)));
}
