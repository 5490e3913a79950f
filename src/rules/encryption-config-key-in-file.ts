import { defineRule } from '../engine/define-rule.js';
import { providerKeys, resourceEntries } from '../k8s/views/encryption-config.js';

/** The finding sits on the `secret` line, which the text report masks (tag `secret`); the value is never quoted. */
export default defineRule<'keyInFile'>({
  meta: {
    id: 'encryption-config-key-in-file',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended'],
    tags: ['control-plane', 'secret'],
    kinds: ['apiserver.config.k8s.io/EncryptionConfiguration'],
    summary:
      'An EncryptionConfiguration committed with an aescbc, aesgcm or secretbox key holds the key that decrypts every Secret in etcd and its backups; whoever reads the repository reads the Secrets.',
    remediation: 'Use a kms v2 provider, or keep the file out of Git and render the key from a secret store at install time.',
    messages: {
      keyInFile: 'The {{provider}} key "{{key}}" is written in the file.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const entry of resourceEntries(object)) {
          for (const provider of entry.providers) {
            for (const key of providerKeys(provider)) {
              if (typeof key.secret === 'string' && key.secret !== '') context.report({ messageId: 'keyInFile', data: { provider: provider.type, key: key.name }, at: [...key.path, 'secret'] });
            }
          }
        }
      },
    };
  },
});
