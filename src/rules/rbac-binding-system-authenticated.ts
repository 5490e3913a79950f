import { rbacSubjectRule } from './templates/rbac-subject-rule.js';

export default rbacSubjectRule({
  forbidden: (kind, name) => kind === 'Group' && name === 'system:authenticated',
  messageId: 'authenticated',
  meta: {
    id: 'rbac-binding-system-authenticated',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['rbac'],
    summary: 'Bindings must not grant rights to the system:authenticated group: every identity with any credential (in managed clusters, any cloud account) gets them.',
    remediation: 'Bind the role to the users, groups or service accounts that need it.',
    messages: {
      authenticated: '{{kind}} "{{name}}" grants {{role}} to every authenticated identity (Group "system:authenticated").',
    },
  },
});
