import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'encryption-provider-config',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-encryption-provider-config',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.30',
    tags: ['control-plane'],
    summary:
      'The API server must encrypt Secrets at rest (--encryption-provider-config): otherwise they are stored in etcd, and in its backups, in plain text.',
    remediation: 'Set --encryption-provider-config to an EncryptionConfiguration that encrypts secrets with kms (v2), aesgcm or secretbox.',
    messages: {
      missing: '--encryption-provider-config is not set: Secrets are stored in etcd unencrypted.',
    },
  },
});
