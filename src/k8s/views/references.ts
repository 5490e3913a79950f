/**
 * When a reference to a missing object is a finding. The cluster provides some objects (the `default`
 * ServiceAccount, `kube-root-ca.crt`, built-in ClusterRoles), and a partial input (one chart of many, a
 * pre-commit run without the sibling files) lacks others: unless the run is complete, a reference is only
 * dangling when the input carries objects of that family in the namespace, so it is seen to hold them.
 */
import type { IndexedObject, ObjectIndex } from '../object-index.js';

export function inputHolds(index: ObjectIndex, namespace: string | undefined, accepts: (record: IndexedObject) => boolean): boolean {
  if (index.complete) return true;
  return index.all.some((record) => record.namespace === namespace && accepts(record));
}

/** The namespace holds pod templates in the input (so a selector that matches none is dangling). */
export function inputHoldsPods(index: ObjectIndex, namespace: string | undefined): boolean {
  return inputHolds(index, namespace, (record) => record.pods.length > 0);
}

/** Up to three related locations, so a finding names what it was compared with without flooding the output. */
export function someRelated(records: readonly IndexedObject[], message: (record: IndexedObject) => string): { at: IndexedObject['at']; message: string }[] {
  return records.slice(0, 3).map((record) => ({ at: record.at, message: message(record) }));
}
