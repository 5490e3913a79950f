import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.portForward,
  messageId: 'portForward',
  meta: {
    id: 'rbac-port-forward',
    category: 'security',
    level: 'note',
    securitySeverity: 4.0,
    presets: [],
    tags: ['rbac'],
    summary: 'Roles that grant create on pods/portforward let their holders reach any port of any pod of the namespace, around Services and network policies.',
    remediation: 'Remove pods/portforward from the role, or bind it only for debugging sessions.',
    messages: {
      portForward: '{{kind}} "{{name}}" grants create on pods/portforward.',
    },
  },
});
