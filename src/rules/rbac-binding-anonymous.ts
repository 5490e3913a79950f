import { rbacSubjectRule } from './templates/rbac-subject-rule.js';

export default rbacSubjectRule({
  forbidden: (kind, name) => (kind === 'User' && name === 'system:anonymous') || (kind === 'Group' && name === 'system:unauthenticated'),
  messageId: 'anonymous',
  meta: {
    id: 'rbac-binding-anonymous',
    category: 'security',
    level: 'error',
    securitySeverity: 9.5,
    presets: ['recommended'],
    tags: ['rbac'],
    summary: 'Bindings must not grant rights to system:anonymous or system:unauthenticated: anyone who can reach the API server gets them without credentials.',
    remediation: 'Remove the anonymous subject; grant the rights to authenticated identities that need them.',
    messages: {
      anonymous: '{{kind}} "{{name}}" grants {{role}} to {{subjectKind}} "{{subject}}", which is anyone without credentials.',
    },
  },
});
