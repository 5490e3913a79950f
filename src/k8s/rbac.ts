/** RBAC resolution over the index: binding → role, ClusterRole aggregation, a service account's bindings. */
import { isObject, isString, isStringList, objectItems } from './json.js';
import type { JsonObject } from './model.js';
import type { IndexedObject, ObjectIndex } from './object-index.js';
import { append } from './multimap.js';
import { LabelledTable } from './selectors.js';
import { readRbacRule } from './views/rbac-rules.js';
import { dangerousGrants, type Grant } from './views/rbac-risks.js';

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
  // Not kept: the rules are parts of values read back from disk in a large run, and `roleGrants` keeps what
  // the checks ask of them once per role.
  return collectRules(index, role, new Set());
}

function collectRules(index: ObjectIndex, role: IndexedObject, seen: Set<IndexedObject>): JsonObject[] {
  if (seen.has(role)) return [];
  seen.add(role);
  const rules = [...objectItems(role.value, ['rules'])].map((item) => item.value);
  const aggregation = role.value.aggregationRule;
  if (role.kind !== 'ClusterRole' || !isObject(aggregation)) return rules;
  const selectors = Array.isArray(aggregation.clusterRoleSelectors) ? aggregation.clusterRoleSelectors : [];
  // The ClusterRoles any selector selects, in run order, looked up by the label each selector requires.
  const table = index.memo('rbac:cluster-roles-by-label', () => new LabelledTable(index.ofKind('ClusterRole', RBAC_GROUP).map((record, position) => ({ record, position })), () => '', (entry) => [entry.record.labels]));
  const selected = new Map(selectors.flatMap((selector) => table.selectedBy('', 'label', selector)).map((entry) => [entry.position, entry.record]));
  for (const [, other] of [...selected].sort(([a], [b]) => a - b)) {
    if (other !== role) rules.push(...collectRules(index, other, seen));
  }
  return rules;
}

/** The dangerous grants of a role's effective rules, once per role and run (every binding and workload of it asks). */
export function roleGrants(index: ObjectIndex, role: IndexedObject): Grant[] {
  const cache = index.memo('rbac:role-grants', () => new Map<IndexedObject, Grant[]>());
  let grants = cache.get(role);
  if (!grants) {
    grants = dangerousGrants(effectiveRules(index, role).map(readRbacRule));
    cache.set(role, grants);
  }
  return grants;
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

/**
 * Bindings whose subjects name the service account (a RoleBinding's subject defaults to its own namespace):
 * those that name the account itself first, then those that reach it through a group or user subject, in run
 * order. Answered from the table alone: a large run reads each binding's value back from disk, and every copy
 * of an overlay asks about the bindings of a group of every service account.
 */
export function bindingsOfServiceAccount(index: ObjectIndex, namespace: string, name: string): IndexedObject[] {
  const { bindings, direct, others } = bindingsBySubject(index);
  const named = direct.get(accountKey(namespace, name)) ?? [];
  const reached = [...(others.get('group:') ?? []), ...(others.get(`group:${namespace}`) ?? []), ...(others.get(userKey(namespace, name)) ?? [])];
  return [...new Set([...named, ...[...new Set(reached)].sort((a, b) => a - b).map((position) => bindings[position]!)])];
}

/** Whether a binding names the service account by itself (as a ServiceAccount or as its user), not through a group. */
export function bindingNamesServiceAccount(index: ObjectIndex, namespace: string, name: string): boolean {
  const { direct, others } = bindingsBySubject(index);
  return direct.has(accountKey(namespace, name)) || others.has(userKey(namespace, name));
}

/**
 * The run's bindings by the service accounts their subjects name, built once per run: directly (by namespace
 * and name), and through the groups and users that stand for service accounts (positions in `bindings`, so
 * the order of the run is kept). Each key matches exactly the subjects that name the account.
 */
function bindingsBySubject(index: ObjectIndex): { bindings: IndexedObject[]; direct: Map<string, IndexedObject[]>; others: Map<string, number[]> } {
  return index.memo('rbac:bindings-by-subject', () => {
    const bindings = [...index.ofKind('RoleBinding', RBAC_GROUP), ...index.ofKind('ClusterRoleBinding', RBAC_GROUP)];
    const direct = new Map<string, IndexedObject[]>();
    const others = new Map<string, number[]>();
    bindings.forEach((binding, position) => {
      for (const subject of subjectsOf(binding)) {
        if (subject.kind === 'ServiceAccount') {
          // A ClusterRoleBinding's service account without a namespace names none.
          const namespace = subject.namespace ?? binding.namespace;
          if (namespace === undefined) continue;
          const key = accountKey(namespace, subject.name);
          if (!direct.get(key)?.includes(binding)) append(direct, key, binding);
          continue;
        }
        const key = subjectKey(subject);
        if (key !== undefined) append(others, key, position);
      }
    });
    return { bindings, direct, others };
  });
}

function accountKey(namespace: string, name: string): string {
  return `${namespace}\u0000${name}`;
}

function userKey(namespace: string, name: string): string {
  return `user:${namespace}:${name}`;
}

const ALL_SERVICE_ACCOUNTS = 'system:serviceaccounts';
const SERVICE_ACCOUNTS_OF = 'system:serviceaccounts:';
const SERVICE_ACCOUNT_USER = 'system:serviceaccount:';

/** The service accounts a group or user subject stands for: `group:` all, `group:ns` a namespace's, `user:ns:name` one. */
function subjectKey(subject: Subject): string | undefined {
  if (subject.kind === 'Group' && subject.name === ALL_SERVICE_ACCOUNTS) return 'group:';
  // `system:serviceaccounts:` with no namespace is no namespace's group, not every service account's.
  if (subject.kind === 'Group' && subject.name.startsWith(SERVICE_ACCOUNTS_OF) && subject.name.length > SERVICE_ACCOUNTS_OF.length) return `group:${subject.name.slice(SERVICE_ACCOUNTS_OF.length)}`;
  if (subject.kind === 'User' && subject.name.startsWith(SERVICE_ACCOUNT_USER)) return `user:${subject.name.slice(SERVICE_ACCOUNT_USER.length)}`;
  return undefined;
}

export function stringListOf(rule: JsonObject, field: string): string[] {
  const value = rule[field];
  return isStringList(value) ? value : [];
}
