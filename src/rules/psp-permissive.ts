import { defineRule } from '../engine/define-rule.js';
import { isObject, listAt } from '../k8s/json.js';
import type { JsonObject } from '../k8s/model.js';
import type { Path } from '../types.js';

interface Permission {
  field: Path;
  /** What the policy admits when the field has this value (undefined when it is unset). */
  permits: (value: unknown, spec: JsonObject) => boolean;
  what: string;
}

/** allowPrivilegeEscalation defaults to true in a PodSecurityPolicy: unset admits escalation too. */
const PERMISSIONS: readonly Permission[] = [
  { field: ['privileged'], permits: (value) => value === true, what: 'privileged containers' },
  { field: ['hostPID'], permits: (value) => value === true, what: "the node's process namespace" },
  { field: ['hostIPC'], permits: (value) => value === true, what: "the node's IPC namespace" },
  { field: ['hostNetwork'], permits: (value) => value === true, what: "the node's network namespace" },
  { field: ['allowPrivilegeEscalation'], permits: (value) => value !== false, what: 'privilege escalation' },
  { field: ['runAsUser', 'rule'], permits: (value) => value === 'RunAsAny', what: 'containers running as root (runAsUser RunAsAny)' },
  { field: ['allowedCapabilities'], permits: (value) => Array.isArray(value) && value.includes('*'), what: 'every capability' },
  { field: ['defaultAddCapabilities'], permits: (value) => Array.isArray(value) && value.length > 0, what: 'capabilities added to every container' },
];

export default defineRule({
  meta: {
    id: 'psp-permissive',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: [],
    tags: ['policy'],
    kinds: ['policy/PodSecurityPolicy', 'extensions/PodSecurityPolicy'],
    summary:
      'PodSecurityPolicies that admit privileged pods, host namespaces, privilege escalation or root containers do not protect anything (and the API was removed in Kubernetes 1.25: move to Pod Security Admission).',
    remediation: 'Replace the PodSecurityPolicy with Pod Security Admission labels on the namespaces (baseline or restricted).',
    messages: {
      permits: 'PodSecurityPolicy "{{name}}" admits {{what}}.',
      dropsNothing: 'PodSecurityPolicy "{{name}}" does not require dropping any capability (requiredDropCapabilities).',
    },
  },
  create(context) {
    return {
      object(object) {
        const spec = object.value.spec;
        if (!isObject(spec)) return;
        const name = object.name ?? '';
        for (const permission of PERMISSIONS) {
          let value: unknown = spec;
          for (const key of permission.field) value = isObject(value) ? value[key as string] : undefined;
          if (!permission.permits(value, spec)) continue;
          const at = [...object.path, 'spec', ...permission.field];
          context.report({ messageId: 'permits', data: { name, what: permission.what }, at, missing: value === undefined });
        }
        if (listAt(spec, ['requiredDropCapabilities']).length === 0) {
          context.report({ messageId: 'dropsNothing', data: { name }, at: [...object.path, 'spec', 'requiredDropCapabilities'], missing: !Object.hasOwn(spec, 'requiredDropCapabilities') });
        }
      },
    };
  },
});
