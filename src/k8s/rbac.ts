/** RBAC resolution over the index: binding → role, ClusterRole aggregation, a service account's bindings. */
import { isObject, isString, isStringList, objectItems } from './json.js';
import type { JsonObject } from './model.js';
import type { IndexedObject, ObjectIndex } from './object-index.js';
import { labelSelectorMatches } from './selectors.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** ClusterRoles every cluster has: a binding to them is never dangling. */
export const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

export function isBuiltInClusterRole(name: string): boolean {
  return BUILT_IN_CLUSTER_ROLES.has(name) || name.startsWith('system:');
}

export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
}

export function roleRefOf(binding: { value: JsonObject }): RoleRef | undefined {
  const ref = binding.value.roleRef;
  if (!isObject(ref) || !isString(ref.name) || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) return undefined;
  return { kind: ref.kind, name: ref.name };
}

/** The Role or ClusterRole a binding grants, when the run holds it. A RoleBinding's Role is in its namespace. */
export function resolveRole(index: ObjectIndex, binding: IndexedObject): IndexedObject | undefined {
  const ref = roleRefOf(binding);
  if (!ref) return undefined;
  return ref.kind === 'Role' ? index.get('Role', binding.namespace, ref.name, RBAC_GROUP) : index.get('ClusterRole', undefined, ref.name, RBAC_GROUP);
}

/**
 * The rules a role grants: its own, and for an aggregated ClusterRole the rules of every ClusterRole its
 * `aggregationRule.clusterRoleSelectors` select (the controller fills them in on the cluster).
 */
export function effectiveRules(index: ObjectIndex, role: IndexedObject): JsonObject[] {
  // Once per role and run: every workload of a service account asks again for the same roles.
  const cache = index.memo('rbac:effective-rules', () => new Map<IndexedObject, JsonObject[]>());
  let rules = cache.get(role);
  if (!rules) {
    rules = collectRules(index, role, new Set());
    cache.set(role, rules);
  }
  return rules;
}

function collectRules(index: ObjectIndex, role: IndexedObject, seen: Set<IndexedObject>): JsonObject[] {
  if (seen.has(role)) return [];
  seen.add(role);
  const rules = [...objectItems(role.value, ['rules'])].map((item) => item.value);
  const aggregation = role.value.aggregationRule;
  if (role.kind !== 'ClusterRole' || !isObject(aggregation)) return rules;
  const selectors = Array.isArray(aggregation.clusterRoleSelectors) ? aggregation.clusterRoleSelectors : [];
  for (const other of index.ofKind('ClusterRole', RBAC_GROUP)) {
    if (other === role || !selectors.some((selector) => labelSelectorMatches(selector, other.labels))) continue;
    rules.push(...collectRules(index, other, seen));
  }
  return rules;
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export function subjectsOf(binding: { value: JsonObject }): Subject[] {
  return [...objectItems(binding.value, ['subjects'])].flatMap(({ value }) => {
    if (!isString(value.kind) || !isString(value.name)) return [];
    const subject: Subject = { kind: value.kind, name: value.name };
    if (isString(value.namespace)) subject.namespace = value.namespace;
    return [subject];
  });
}

/** Bindings whose subjects name the service account (a RoleBinding's subject defaults to its own namespace). */
export function bindingsOfServiceAccount(index: ObjectIndex, namespace: string, name: string): IndexedObject[] {
  // Bindings that name a service account directly, by account, built once per run; group and user subjects
  // (few) are checked one by one.
  const direct = index.memo('rbac:bindings-by-service-account', () => {
    const table = new Map<string, IndexedObject[]>();
    for (const binding of [...index.ofKind('RoleBinding', RBAC_GROUP), ...index.ofKind('ClusterRoleBinding', RBAC_GROUP)]) {
      for (const subject of subjectsOf(binding)) {
        if (subject.kind !== 'ServiceAccount') continue;
        const key = `${subject.namespace ?? binding.namespace ?? ''}/${subject.name}`;
        const list = table.get(key) ?? [];
        if (!list.includes(binding)) list.push(binding);
        table.set(key, list);
      }
    }
    return table;
  });
  const others = index.memo('rbac:bindings-with-group-or-user-subjects', () =>
    [...index.ofKind('RoleBinding', RBAC_GROUP), ...index.ofKind('ClusterRoleBinding', RBAC_GROUP)].filter((binding) => subjectsOf(binding).some((subject) => subject.kind !== 'ServiceAccount')),
  );
  const candidates = [...new Set([...(direct.get(`${namespace}/${name}`) ?? []), ...others])];
  return candidates.filter((binding) =>
    subjectsOf(binding).some(
      (subject) =>
        (subject.kind === 'ServiceAccount' && subject.name === name && (subject.namespace ?? binding.namespace) === namespace) ||
        (subject.kind === 'Group' && (subject.name === 'system:serviceaccounts' || subject.name === `system:serviceaccounts:${namespace}`)) ||
        (subject.kind === 'User' && subject.name === `system:serviceaccount:${namespace}:${name}`),
    ),
  );
}

export function stringListOf(rule: JsonObject, field: string): string[] {
  const value = rule[field];
  return isStringList(value) ? value : [];
}
