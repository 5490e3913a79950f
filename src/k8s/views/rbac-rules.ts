/**
 * Role and ClusterRole rules as located views, and the permissions the RBAC rules look for, matched the
 * way the API server's authorizer matches them (`*` verbs, resources and groups, and a star before a subresource).
 */
import type { Path } from '../../types.js';
import { isObject, isStringList, objectItems } from '../json.js';
import type { JsonObject, JsonValue } from '../model.js';

/** One PolicyRule, its lists read as strings (anything else in them is ignored). */
export interface RbacRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

export interface LocatedRbacRule extends RbacRule {
  /** Path of the rule item, e.g. ['rules', 2]. */
  readonly path: Path;
  readonly index: number;
}

function strings(rule: JsonObject, field: string): string[] {
  const value = rule[field];
  return isStringList(value) ? value : [];
}

export function readRbacRule(rule: JsonValue): RbacRule {
  if (!isObject(rule)) return { apiGroups: [], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [] };
  return {
    apiGroups: strings(rule, 'apiGroups'),
    resources: strings(rule, 'resources').map((resource) => resource.toLowerCase()),
    verbs: strings(rule, 'verbs').map((verb) => verb.toLowerCase()),
    resourceNames: strings(rule, 'resourceNames'),
    nonResourceURLs: strings(rule, 'nonResourceURLs'),
  };
}

/** Read once per object: a dozen rules read the rules of each Role. */
const rulesRead = new WeakMap<object, readonly LocatedRbacRule[]>();

/** Every rule of a Role or ClusterRole (all of them, not only the first), with its path. */
export function rbacRulesOf(object: { value: JsonObject; path: Path }): readonly LocatedRbacRule[] {
  let rules = rulesRead.get(object);
  if (!rules) {
    rules = [...objectItems(object.value, ['rules'])].map(({ value, index }) => ({
      ...readRbacRule(value),
      index,
      path: [...object.path, 'rules', index],
    }));
    rulesRead.set(object, rules);
  }
  return rules;
}

/** A resource of an API group, `pods/exec` style for subresources. */
export interface Resource {
  readonly group: string;
  readonly resource: string;
}

/** What a rule must allow for a permission: any of the verbs on any of the resources. */
export interface Permission {
  readonly verbs: readonly string[];
  readonly resources: readonly Resource[];
  /** The permission is about this one object: only a rule that lists it in resourceNames grants it. */
  readonly resourceName?: string;
  /** Any object of the resources is dangerous (a signer name is no limit), so resourceNames do not narrow it. */
  readonly anyName?: boolean;
}

export const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'] as const;

export function inGroup(group: string, ...resources: string[]): Resource[] {
  return resources.map((resource) => ({ group, resource }));
}

function verbMatches(rule: RbacRule, verb: string): boolean {
  return rule.verbs.includes('*') || rule.verbs.includes(verb);
}

/** The authorizer's ResourceMatches: `*`, the exact `resource/subresource`, or a star with the subresource. */
function resourceMatches(rule: RbacRule, wanted: Resource): boolean {
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(wanted.group)) return false;
  return rule.resources.some((resource) => resource === '*' || resource === wanted.resource || starForSubresource(resource, wanted.resource));
}

/** Whether `granted` is a star before the subresource of `wanted`: lengths and the star first, so most pairs make no string. */
function starForSubresource(granted: string, wanted: string): boolean {
  const slash = wanted.indexOf('/');
  return slash > 0 && granted.length === wanted.length - slash + 1 && granted.startsWith('*/') && wanted.endsWith(granted.slice(1));
}

/**
 * The verbs of the permission the rule allows (empty when it allows none). A rule limited by
 * resourceNames reaches only those objects, so it counts only for a permission about one of them; `create`
 * cannot be limited by name (the object does not exist yet), so it counts whatever the names.
 */
export function grantedVerbs(rule: RbacRule, permission: Permission): string[] {
  if (!reachesResource(rule, permission)) return [];
  return permission.verbs.filter((verb) => verbGranted(rule, permission, verb));
}

/** Whether the rule reaches one of the permission's resources, whatever its verbs. */
function reachesResource(rule: RbacRule, permission: Permission): boolean {
  return permission.resources.some((resource) => resourceMatches(rule, resource));
}

/** Whether the rule holds the verb for the permission's objects, its resourceNames considered. */
function verbGranted(rule: RbacRule, permission: Permission, verb: string): boolean {
  if (!verbMatches(rule, verb)) return false;
  if (permission.resourceName !== undefined) return rule.resourceNames.includes(permission.resourceName);
  return rule.resourceNames.length === 0 || permission.anyName === true || verb === 'create';
}

/** The resources of the permission the rule reaches with one of its verbs, `group/resource` style for display. */
export function grantedResources(rule: RbacRule, permission: Permission): string[] {
  if (!allows(rule, permission)) return [];
  return permission.resources.filter((resource) => resourceMatches(rule, resource)).map((resource) => resource.resource);
}

/**
 * Whether the rule allows the permission at all: what `grantedVerbs` decides, without the lists. The binding and
 * workload rules ask it of every rule of every role, a few times each, in a large run hundreds of thousands of times.
 */
export function allows(rule: RbacRule, permission: Permission): boolean {
  return reachesResource(rule, permission) && permission.verbs.some((verb) => verbGranted(rule, permission, verb));
}
