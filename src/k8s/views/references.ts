/**
 * When a reference to a missing object is a finding. The cluster provides some objects (the `default`
 * ServiceAccount, `kube-root-ca.crt`, built-in ClusterRoles), and a partial input (one chart of many, a
 * pre-commit run without the sibling files) lacks others: unless the run is complete, a reference is only
 * dangling when the input carries objects of that family in the namespace, so it is seen to hold them.
 */
import { isObject, stringEntries, valueAt } from '../json.js';
import type { IndexedObject, ObjectIndex } from '../object-index.js';
import type { Labels } from '../selectors.js';
import { workloadOf } from '../workloads.js';

export function inputHolds(index: ObjectIndex, namespace: string | undefined, accepts: (record: IndexedObject) => boolean): boolean {
  if (index.complete) return true;
  return index.all.some((record) => record.namespace === namespace && accepts(record));
}

/** Up to three related locations, so a finding names what it was compared with without flooding the output. */
export function someRelated(records: readonly IndexedObject[], message: (record: IndexedObject) => string): { at: IndexedObject['at']; message: string }[] {
  return records.slice(0, 3).map((record) => ({ at: record.at, message: message(record) }));
}

/**
 * The pod-template labels of a record: its pod specs' labels, or, for a workload written without a
 * template spec (a fragment, a test), the labels at the workload's template metadata path.
 */
export function templateLabelSets(record: IndexedObject): Labels[] {
  if (record.pods.length > 0) return record.pods.map((pod) => pod.labels);
  const metadata = workloadOf(record.apiVersion, record.kind)?.pods[0]?.metadata;
  if (!metadata || metadata.includes('*')) return [];
  const labels = valueAt(record.value, [...metadata, 'labels']);
  return isObject(labels) ? [stringEntries(labels)] : [];
}

/** Objects of the namespace with a pod template whose labels `matches` accepts. */
export function workloadsSelected(index: ObjectIndex, namespace: string | undefined, matches: (labels: Labels) => boolean): IndexedObject[] {
  return index.inNamespace(namespace ?? '').filter((record) => templateLabelSets(record).some(matches));
}

/** The namespace holds pod templates in the input (so a selector that matches none is dangling). */
export function inputHoldsTemplates(index: ObjectIndex, namespace: string | undefined): boolean {
  return inputHolds(index, namespace, (record) => templateLabelSets(record).length > 0);
}
