import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.destructiveDelete,
  messageId: 'destructiveDelete',
  meta: {
    id: 'rbac-destructive-delete',
    category: 'security',
    level: 'note',
    securitySeverity: 4.0,
    presets: [],
    tags: ['rbac'],
    summary: 'Roles that may delete pod logs, events, workloads, volumes or namespaces can destroy data and erase the traces of an intrusion.',
    remediation: 'Grant delete only on the resources the holder manages, by name where possible.',
    messages: {
      destructiveDelete: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
