import { rbacSubjectRule } from './templates/rbac-subject-rule.js';

export default rbacSubjectRule({
  forbidden: (kind, name) => kind === 'ServiceAccount' && name === 'default',
  messageId: 'defaultBound',
  meta: {
    id: 'default-service-account-bound',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.5',
    tags: ['rbac'],
    summary: "Bindings must not grant rights to a namespace's default service account: every pod that names no service account runs with it and receives those rights.",
    remediation: 'Create a dedicated service account for the workload that needs the rights and bind the role to it.',
    messages: {
      defaultBound: '{{kind}} "{{name}}" grants {{role}} to the default service account, which every pod without its own service account uses.',
    },
  },
});
