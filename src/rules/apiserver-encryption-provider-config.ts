import { entryFor, resourceEntries } from '../k8s/views/encryption-config.js';
import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'encryption-provider-config',
  unsafe: (value) => value === undefined || value === '',
  // The file the flag names, when the input holds it: Secrets written with identity first are not encrypted.
  linked: {
    flag: 'encryption-provider-config',
    kinds: ['apiserver.config.k8s.io/EncryptionConfiguration'],
    check(file) {
      const entry = entryFor(resourceEntries({ value: file.value, path: [] }), 'secrets');
      if (entry && entry.providers[0] && entry.providers[0].type !== 'identity') return undefined;
      return { messageId: 'unencrypted', note: 'The EncryptionConfiguration the flag names.' };
    },
  },
  meta: {
    id: 'apiserver-encryption-provider-config',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.30',
    tags: ['control-plane'],
    crossObject: true,
    summary:
      'The API server must encrypt Secrets at rest (--encryption-provider-config naming an EncryptionConfiguration that encrypts secrets): otherwise they are stored in etcd, and in its backups, in plain text.',
    remediation: 'Set --encryption-provider-config to an EncryptionConfiguration that encrypts secrets with kms (v2), aesgcm or secretbox.',
    messages: {
      missing: '--encryption-provider-config is not set: Secrets are stored in etcd unencrypted.',
      unencrypted: '{{flag}} names an EncryptionConfiguration that leaves Secrets unencrypted.',
    },
  },
});
