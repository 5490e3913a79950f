import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'basic-auth-file',
  unsafe: unsafeWhen.set,
  meta: {
    id: 'apiserver-basic-auth-file',
    category: 'security',
    level: 'warning',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    summary:
      'The API server must not read static passwords from a file (--basic-auth-file): the passwords sit in clear text on the node, never expire and cannot be revoked without a restart.',
    remediation: 'Remove --basic-auth-file and authenticate users with client certificates or OIDC.',
    messages: {
      set: '{{flag}} authenticates users with static passwords kept in clear text.',
    },
  },
});
