import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.bindEscalate,
  messageId: 'bindEscalate',
  meta: {
    id: 'rbac-bind-escalate',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.8',
    tags: ['rbac'],
    summary: 'Roles must not grant bind or escalate on roles, or create on role bindings: the holder can give itself rights it does not have, up to cluster-admin.',
    remediation: 'Remove bind and escalate, and create on role bindings, from the role; let an administrator create bindings.',
    messages: {
      bindEscalate: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
