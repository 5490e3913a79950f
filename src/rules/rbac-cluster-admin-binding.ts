import { defineRule } from '../engine/define-rule.js';
import { isObject, isString } from '../k8s/json.js';
import { isSystemObject } from './templates/rbac-role-rule.js';

/**
 * cluster-admin anywhere is full control (in a RoleBinding, of the whole namespace, Secrets and RBAC
 * included); admin and edit bound cluster-wide reach every namespace. Bindings the cluster keeps
 * (`system:*`) are not the manifest author's.
 */
export default defineRule({
  meta: {
    id: 'rbac-cluster-admin-binding',
    category: 'security',
    level: 'error',
    securitySeverity: 8.5,
    presets: ['recommended', 'cis'],
    cis: '5.1.1',
    tags: ['rbac'],
    kinds: ['rbac-bindings'],
    summary:
      'Bindings must not grant the cluster-admin ClusterRole, nor admin or edit cluster-wide: their subjects can then read every Secret and change every object of the cluster (or namespace).',
    remediation: 'Bind a role that lists only the permissions the subjects need, in the namespaces where they need them.',
    messages: {
      clusterAdmin: '{{kind}} "{{name}}" grants cluster-admin.',
      clusterWide: 'ClusterRoleBinding "{{name}}" grants the {{role}} ClusterRole in every namespace.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (isSystemObject(object)) return;
        const ref = object.value.roleRef;
        if (!isObject(ref) || ref.kind !== 'ClusterRole' || !isString(ref.name)) return;
        const at = [...object.path, 'roleRef', 'name'];
        const data = { kind: object.kind, name: object.name ?? '', role: ref.name };
        if (ref.name === 'cluster-admin') context.report({ messageId: 'clusterAdmin', data, at });
        else if ((ref.name === 'admin' || ref.name === 'edit') && object.kind === 'ClusterRoleBinding') context.report({ messageId: 'clusterWide', data, at });
      },
    };
  },
});
