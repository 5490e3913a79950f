import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.manageNetworking,
  messageId: 'manageNetworking',
  meta: {
    id: 'rbac-manage-networking',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    tags: ['rbac'],
    precision: 'medium',
    summary: 'Roles that may write Services, Endpoints, EndpointSlices, NetworkPolicies or Ingresses can redirect or intercept traffic and remove network isolation.',
    remediation: 'Keep writes on networking objects to the controllers and pipelines that own them, by name where possible.',
    messages: {
      manageNetworking: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
