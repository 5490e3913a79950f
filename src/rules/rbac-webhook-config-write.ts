import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.webhookWrite,
  messageId: 'webhookWrite',
  meta: {
    id: 'rbac-webhook-config-write',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.12',
    tags: ['rbac'],
    summary: 'Roles must not create or change admission webhook configurations: a webhook sees and rewrites every object sent to the API server, Secrets included.',
    remediation: 'Remove write verbs on mutatingwebhookconfigurations and validatingwebhookconfigurations, or restrict them with resourceNames to the webhook the controller owns.',
    messages: {
      webhookWrite: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
