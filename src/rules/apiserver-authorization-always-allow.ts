import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  unsafe: unsafeWhen.contains('AlwaysAllow'),
  meta: {
    id: 'apiserver-authorization-always-allow',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.7',
    tags: ['control-plane'],
    summary:
      'The API server must not authorize every request (--authorization-mode containing AlwaysAllow, its default): any authenticated user is then cluster-admin.',
    remediation: 'Set --authorization-mode=Node,RBAC.',
    messages: {
      set: '{{flag}} is "{{value}}": AlwaysAllow authorizes every request.',
      missing: '--authorization-mode is not set: the default AlwaysAllow authorizes every request.',
    },
  },
});
