import { defineRule } from '../engine/define-rule.js';
import { resourceEntries } from '../k8s/views/encryption-config.js';

export default defineRule<'kmsV1' | 'aescbc'>({
  meta: {
    id: 'encryption-config-deprecated-provider',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    kinds: ['apiserver.config.k8s.io/EncryptionConfiguration'],
    summary:
      'An EncryptionConfiguration should not write with a provider the Kubernetes documentation advises against: kms v1 (deprecated in 1.28, off by default from 1.29) or aescbc (open to padding-oracle attacks).',
    remediation: 'Use kms with apiVersion: v2, or aesgcm with key rotation, or secretbox.',
    messages: {
      kmsV1: 'The kms provider "{{name}}" uses the deprecated KMS v1 API.',
      aescbc: 'The aescbc provider is not recommended (CBC is open to padding-oracle attacks).',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const entry of resourceEntries(object)) {
          // Only the first provider writes; later ones only read data written before a key change.
          const writer = entry.providers[0];
          if (writer?.type === 'kms' && writer.config.apiVersion !== 'v2') {
            context.report({ messageId: 'kmsV1', data: { name: typeof writer.config.name === 'string' ? writer.config.name : '' }, at: writer.path });
          } else if (writer?.type === 'aescbc') context.report({ messageId: 'aescbc', at: writer.path });
        }
      },
    };
  },
});
