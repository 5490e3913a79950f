/**
 * NetworkPolicies as the API server reads them: which pods a policy selects and for which direction,
 * default-deny policies, rules that let every peer in or out, and the namespace a policy applies in.
 */
import type { Location } from '../../types.js';
import type { Path } from '../../types.js';
import { isObject, isString, listAt, objectItems } from '../json.js';
import type { JsonObject } from '../model.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../object-index.js';
import { labelSelectorMatches, type Labels, SelectorTable, selectsEverything } from '../selectors.js';

export type Direction = 'Ingress' | 'Egress';

const NETWORKING = 'networking.k8s.io';

/** `policyTypes` as written, else what the API server defaults: Ingress, and Egress when egress rules exist. */
export function policyTypes(policy: JsonObject): Direction[] {
  const spec = isObject(policy.spec) ? policy.spec : {};
  const written = listAt(spec, ['policyTypes']).filter((type): type is Direction => type === 'Ingress' || type === 'Egress');
  if (written.length > 0) return written;
  return Array.isArray(spec.egress) ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Does the policy select pods with these labels for the direction (`podSelector: {}` selects every pod)? */
export function policySelects(policy: JsonObject, direction: Direction, labels: Labels): boolean {
  const spec = policy.spec;
  return isObject(spec) && policyTypes(policy).includes(direction) && labelSelectorMatches(spec.podSelector, labels);
}

/** Selects every pod of its namespace for the direction and allows nothing in it. */
export function isDefaultDeny(policy: JsonObject, direction: Direction): boolean {
  const spec = policy.spec;
  if (!isObject(spec) || !selectsEverything(spec.podSelector) || !policyTypes(policy).includes(direction)) return false;
  return listAt(spec, [direction === 'Ingress' ? 'ingress' : 'egress']).length === 0;
}

export interface OpenRule {
  direction: Direction;
  /** Path of the rule from the policy's root, e.g. ['spec', 'ingress', 0]. */
  path: Path;
  reason: string;
}

const EVERY_ADDRESS = new Set(['0.0.0.0/0', '::/0']);

/** Rules that let any peer in (or out) on every port: no peers at all, or an ipBlock of every address. */
export function openRules(policy: JsonObject): OpenRule[] {
  const open: OpenRule[] = [];
  for (const direction of policyTypes(policy)) {
    const [field, peers] = direction === 'Ingress' ? ['ingress', 'from'] : ['egress', 'to'];
    for (const { value, path } of objectItems(policy, ['spec', field])) {
      if (listAt(value, ['ports']).length > 0) continue;
      const list = listAt(value, [peers]);
      if (list.length === 0) {
        open.push({ direction, path, reason: `it names no peer in "${peers}"` });
        continue;
      }
      const everywhere = list.find((peer) => isObject(peer) && isObject(peer.ipBlock) && isString(peer.ipBlock.cidr) && EVERY_ADDRESS.has(peer.ipBlock.cidr) && listAt(peer.ipBlock, ['except']).length === 0);
      if (everywhere && isObject(everywhere) && isObject(everywhere.ipBlock)) open.push({ direction, path, reason: `it allows the ipBlock ${String(everywhere.ipBlock.cidr)}` });
    }
  }
  return open;
}

/** The run's NetworkPolicies, or those of one namespace, in run order. */
export function networkPolicies(index: ObjectIndex, namespace?: string): readonly IndexedObject[] {
  return namespace === undefined ? index.ofKind('NetworkPolicy', NETWORKING) : index.ofKindIn('NetworkPolicy', namespace, NETWORKING);
}

/**
 * Whether some NetworkPolicy of the namespace selects pods with these labels for the direction
 * (`policySelects` of any), through a table of the policies by the label their podSelector requires.
 */
export function selectedByPolicy(index: ObjectIndex, namespace: string, direction: Direction, labels: Labels): boolean {
  const table = index.memo(`policies-by-selector:${direction}`, () => {
    const policies = networkPolicies(index).filter((policy) => policyTypes(policy.value).includes(direction));
    return new SelectorTable(policies, (policy) => scopeKey(policy.namespace), (policy) => (isObject(policy.value.spec) ? policy.value.spec.podSelector : undefined), 'label');
  });
  return table.selectsAny(scopeKey(namespace), labels);
}

/** Namespaces the cluster runs for itself: their traffic is the platform's, not the manifests'. */
export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Same place in the same file: how a check recognises the record of the object it was registered for. */
export function sameLocation(a: Location, b: Location): boolean {
  return a.file === b.file && a.documentIndex === b.documentIndex && a.region.startLine === b.region.startLine && a.region.startColumn === b.region.startColumn;
}

/**
 * When the run holds no NetworkPolicy and the input is not known to be complete, the policies probably
 * live elsewhere: the coverage rules then say so once, on the first input object that qualifies.
 */
export function isFirstOf(index: ObjectIndex, at: Location, qualifies: (record: IndexedObject) => boolean, key: string): boolean {
  // Found once per run and rule: scanning for it from every workload would make the run quadratic.
  const first = index.memo(`first-of:${key}`, () => index.all.find((record) => !record.fromContext && qualifies(record)));
  return first !== undefined && sameLocation(first.at, at);
}
