import { defineRule } from '../engine/define-rule.js';
import { isBuiltInClusterRole, RBAC_GROUP, resolveRole, roleRefOf } from '../k8s/rbac.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** Roles the control plane creates in kube-system, which extension API servers bind to. */
const BUILT_IN_ROLES = new Set(['extension-apiserver-authentication-reader']);

/** What a binding keeps until the index is complete (its roleRef is read again from its record). */
interface Watch {
  /** A RoleBinding's namespace (the run's when it names none); undefined for a ClusterRoleBinding. */
  namespace: string | undefined;
  at: Location;
}

/**
 * A binding whose roleRef names no Role or ClusterRole grants nothing (and the API cannot change roleRef
 * later: the binding must be recreated). Built-in ClusterRoles (cluster-admin, admin, edit, view,
 * system:*) and the Roles the control plane creates (extension-apiserver-authentication-reader,
 * system:*) are the cluster's own; when the input holds no role of that kind (in the namespace, for a
 * Role) nothing is reported, unless the run is complete.
 */
export default defineRule<'missing', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-role-ref',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['rbac-bindings'],
    summary: "A RoleBinding's or ClusterRoleBinding's roleRef should name a Role or ClusterRole of the input or a built-in ClusterRole.",
    remediation: 'Add the role to the manifests or fix roleRef (recreate the binding: roleRef cannot be changed in place).',
    messages: {
      missing: '{{kind}} "{{name}}" refers to {{roleKind}} "{{role}}", which is not in the input.',
    },
  },
  create(context) {
    return {
      object(object) {
        const ref = roleRefOf(object);
        if (!ref || (!context.settings.complete && (ref.kind === 'ClusterRole' ? isBuiltInClusterRole(ref.name) : BUILT_IN_ROLES.has(ref.name) || ref.name.startsWith('system:')))) return;
        const namespace = object.kind === 'RoleBinding' ? (object.namespace ?? context.settings.namespace) : undefined;
        const at = context.locate([...object.path, 'roleRef', 'name']);
        context.watch({ namespace, at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, at } = watch.data;
      const ref = roleRefOf(record);
      if (!ref) continue;
      // The binding's own record: another binding of the same name may refer to a role that exists.
      if (resolveRole(index, record)) continue;
      const roleNamespace = ref.kind === 'Role' ? namespace : undefined;
      if (!inputHoldsKind(index, roleNamespace, ref.kind, RBAC_GROUP)) continue;
      context.report({ messageId: 'missing', data: { kind: record.kind, name: record.name ?? '', roleKind: ref.kind, role: ref.name }, at }, watch);
    }
  },
});
