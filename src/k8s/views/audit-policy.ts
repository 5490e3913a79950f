/**
 * An audit Policy (audit.k8s.io/v1) read the way the API server applies it: rules in order, the first
 * that matches a request decides its level.
 */
import type { Path } from '../../types.js';
import { isString, listAt, objectItems } from '../json.js';
import type { JsonObject, K8sObject } from '../model.js';

export const AUDIT_LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'] as const;
export type AuditLevel = (typeof AUDIT_LEVELS)[number];

export interface AuditRule {
  level: AuditLevel | undefined;
  value: JsonObject;
  path: Path;
  /** 1-based position, for messages. */
  number: number;
  /** The rule applies to some requests only (users, groups, verbs, namespaces, names, URLs). */
  restricted: boolean;
  /** The rule names no user, verb, resource, namespace or URL: it matches every request. */
  catchAll: boolean;
}

const RESTRICTING = ['users', 'userGroups', 'verbs', 'namespaces', 'nonResourceURLs'];

export function auditRules(object: K8sObject): AuditRule[] {
  return [...objectItems(object.value, ['rules'])].map((rule) => {
    const level = AUDIT_LEVELS.find((candidate) => candidate === rule.value.level);
    const named = (field: string) => listAt(rule.value, [field]).length > 0;
    const resourceNames = [...objectItems(rule.value, ['resources'])].some((group) => listAt(group.value, ['resourceNames']).length > 0);
    return {
      level,
      value: rule.value,
      path: [...object.path, ...rule.path],
      number: rule.index + 1,
      restricted: RESTRICTING.some(named) || resourceNames,
      catchAll: !RESTRICTING.some(named) && !named('resources'),
    };
  });
}

/** Whether a rule's `resources` reach a resource (`secrets`, `pods/exec`) of an API group ('' for the core group). */
export function matchesResource(rule: AuditRule, group: string, resource: string): boolean {
  if (listAt(rule.value, ['nonResourceURLs']).length > 0) return false;
  const groups = [...objectItems(rule.value, ['resources'])];
  if (listAt(rule.value, ['resources']).length === 0) return true;
  const [name, sub] = resource.split('/');
  return groups.some(({ value }) => {
    if ((isString(value.group) ? value.group : '') !== group && value.group !== '*') return false;
    const names = listAt(value, ['resources']).filter(isString);
    return names.length === 0 || names.some((item) => item === resource || item === '*' || (sub !== undefined && (item === `${name}/*` || item === `*/${sub}`)));
  });
}

/** The rule that decides every request for a resource (the first unrestricted match), if any. */
export function decidingRule(rules: readonly AuditRule[], group: string, resource: string): AuditRule | undefined {
  return rules.find((rule) => !rule.restricted && matchesResource(rule, group, resource));
}

export function levelAtLeast(level: AuditLevel | undefined, minimum: AuditLevel): boolean {
  return level !== undefined && AUDIT_LEVELS.indexOf(level) >= AUDIT_LEVELS.indexOf(minimum);
}
