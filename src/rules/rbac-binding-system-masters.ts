import { rbacSubjectRule } from './templates/rbac-subject-rule.js';

export default rbacSubjectRule({
  forbidden: (kind, name) => kind === 'Group' && name === 'system:masters',
  messageId: 'masters',
  meta: {
    id: 'rbac-binding-system-masters',
    category: 'security',
    level: 'error',
    securitySeverity: 9.5,
    presets: ['recommended', 'cis'],
    cis: '5.1.7',
    tags: ['rbac'],
    summary: 'Bindings must not name the system:masters group: its members bypass RBAC entirely and cannot be revoked by removing bindings.',
    remediation: 'Remove the system:masters subject; issue no credentials with that group and bind a scoped role to a dedicated group instead.',
    messages: {
      masters: '{{kind}} "{{name}}" names the system:masters group, whose members bypass every authorization check.',
    },
  },
});
