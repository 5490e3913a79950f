import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.impersonate,
  messageId: 'impersonate',
  meta: {
    id: 'rbac-impersonate',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.8',
    tags: ['rbac'],
    summary: 'Roles must not grant impersonate on users, groups or service accounts: the holder acts as any identity, system:masters included.',
    remediation: 'Remove the impersonate verb, or restrict it with resourceNames to the few identities that must be impersonated.',
    messages: {
      impersonate: '{{kind}} "{{name}}" grants impersonate on {{resources}}.',
    },
  },
});
