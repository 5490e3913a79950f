import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.manageConfigmaps,
  messageId: 'manageConfigmaps',
  meta: {
    id: 'rbac-manage-configmaps',
    category: 'security',
    level: 'note',
    securitySeverity: 4.0,
    presets: [],
    tags: ['rbac'],
    summary: "Roles that may write ConfigMaps can change the configuration other workloads trust, such as the cluster DNS (coredns) or a proxy's routes.",
    remediation: 'Grant ConfigMap writes only on the ConfigMaps the holder owns (resourceNames).',
    messages: {
      manageConfigmaps: '{{kind}} "{{name}}" grants {{verbs}} on ConfigMaps.',
    },
  },
});
