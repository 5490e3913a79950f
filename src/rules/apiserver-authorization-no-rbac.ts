import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  unsafe: unsafeWhen.lacks('RBAC'),
  meta: {
    id: 'apiserver-authorization-no-rbac',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.9',
    tags: ['control-plane'],
    summary:
      'The API server must use RBAC authorization (--authorization-mode with RBAC): Roles and bindings are otherwise ignored.',
    remediation: 'Set --authorization-mode=Node,RBAC.',
    messages: {
      set: '{{flag}} is "{{value}}", without RBAC: Roles and RoleBindings are ignored.',
      missing: '--authorization-mode is not set: the default AlwaysAllow does not include RBAC.',
    },
  },
});
