import { defineRule } from '../engine/define-rule.js';
import { isBuiltInClusterRole, resolveRole, roleGrants, roleRefOf } from '../k8s/rbac.js';
import { GRANT_TEXT } from '../k8s/views/rbac-risks.js';
import type { Location } from '../types.js';
import { isSystemObject } from './templates/rbac-role-rule.js';

/** What a binding keeps until the index is complete (its roleRef and namespace are read from its record). */
interface Watch {
  at: Location;
}

/**
 * The binding side of the rbac-* rules: a binding whose role (in the input, aggregation included) grants
 * a dangerous permission, reported at roleRef with the role as a related location. Built-in roles are
 * left to rbac-cluster-admin-binding, which knows them by name.
 */
export default defineRule<'dangerous', Record<string, never>, Watch>({
  meta: {
    id: 'rbac-binding-grants-dangerous-role',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['rbac'],
    kinds: ['rbac-bindings'],
    crossObject: true,
    precision: 'medium',
    summary:
      'Bindings should not grant a role that holds dangerous permissions (wildcards, Secrets, creating workloads, exec/attach, bind/escalate/impersonate, nodes/proxy): every subject of the binding receives them.',
    remediation: 'Bind a narrower role, or narrow the role to what its subjects need.',
    messages: {
      dangerous: '{{kind}} "{{name}}" grants {{role}}, which allows {{grants}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (isSystemObject(object)) return;
        const ref = roleRefOf(object);
        if (!ref || (ref.kind === 'ClusterRole' && isBuiltInClusterRole(ref.name))) return;
        const at = context.locate([...object.path, 'roleRef', 'name']);
        context.watch({ at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { at } = watch.data;
      const ref = roleRefOf(record);
      if (!ref) continue;
      // The binding's own record: another binding of the same name may refer to another role.
      const role = resolveRole(index, record);
      if (!role) continue;
      const grants = roleGrants(index, role);
      if (grants.length === 0) continue;
      const data = { kind: record.kind, name: record.name ?? '', role: `${ref.kind} "${ref.name}"`, grants: grants.map((grant) => GRANT_TEXT[grant]).join(', ') };
      // Taking the cluster over is an error; reading Secrets or running pods is often an operator's job: a warning.
      const level = grants[0] === 'cluster-admin' || grants[0] === 'takeover' ? 'error' : 'warning';
      context.report({ messageId: 'dangerous', data, at, level, related: [{ at: role.at, message: `${ref.kind} "${ref.name}" is defined here.` }] }, watch);
    }
  },
});
