import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.modifyServiceStatus,
  messageId: 'modifyServiceStatus',
  meta: {
    id: 'rbac-modify-service-status',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    tags: ['rbac'],
    summary: 'Roles that may update services/status can set a LoadBalancer ingress IP and intercept the traffic of the whole cluster to it (CVE-2020-8554).',
    remediation: 'Leave services/status to the cloud controller manager and load-balancer controllers.',
    messages: {
      modifyServiceStatus: '{{kind}} "{{name}}" grants {{verbs}} on services/status.',
    },
  },
});
