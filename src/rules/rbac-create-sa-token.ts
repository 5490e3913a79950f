import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.createTokens,
  messageId: 'createTokens',
  meta: {
    id: 'rbac-create-sa-token',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.13',
    tags: ['rbac'],
    summary: 'Roles that may create serviceaccounts/token can mint tokens for any service account of their scope and act with its rights.',
    remediation: 'Remove create on serviceaccounts/token, or restrict it with resourceNames to the service accounts the holder must act as.',
    messages: {
      createTokens: '{{kind}} "{{name}}" grants create on serviceaccounts/token.',
    },
  },
});
