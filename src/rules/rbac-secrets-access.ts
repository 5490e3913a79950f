import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.secrets,
  messageId: 'secrets',
  meta: {
    id: 'rbac-secrets-access',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.2',
    tags: ['rbac'],
    precision: 'medium',
    summary: 'Roles must not grant get, list or watch on Secrets: reading Secrets hands out every credential of the namespace (or the cluster), service account tokens included.',
    remediation: 'Grant access to the named Secrets only (resourceNames), or mount the Secret into the pod that needs it instead of reading it through the API.',
    messages: {
      secrets: '{{kind}} "{{name}}" grants {{verbs}} on Secrets.',
    },
  },
});
