import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'token-auth-file',
  unsafe: unsafeWhen.set,
  meta: {
    id: 'apiserver-token-auth-file',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.2',
    tags: ['control-plane'],
    summary:
      'The API server must not read static bearer tokens from a file (--token-auth-file): the tokens sit in clear text on the node, never expire and cannot be revoked without a restart.',
    remediation: 'Remove --token-auth-file and authenticate with client certificates, OIDC or service account tokens.',
    messages: {
      set: '{{flag}} authenticates users with static tokens kept in clear text.',
    },
  },
});
