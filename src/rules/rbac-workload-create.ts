import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.workloadCreate,
  messageId: 'workloadCreate',
  meta: {
    id: 'rbac-workload-create',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.4',
    tags: ['rbac'],
    precision: 'medium',
    summary: 'Roles must not let their holders create or change pods and workload controllers: a pod can mount any Secret and run as any service account of its namespace.',
    remediation: "Limit workload changes to the deployment pipeline's identity, in the namespaces it deploys to, and keep the verbs to what it needs.",
    messages: {
      workloadCreate: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
