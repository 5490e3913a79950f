import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.execAttach,
  messageId: 'execAttach',
  meta: {
    id: 'rbac-pod-exec-attach',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended'],
    tags: ['rbac'],
    summary: 'Roles must not grant pods/exec or pods/attach: they run commands inside any container of the namespace, with its service account token and secrets.',
    remediation: 'Remove pods/exec and pods/attach from the role; give interactive access through a break-glass role bound only when needed.',
    messages: {
      execAttach: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}}.',
    },
  },
});
