import { defineRule } from '../engine/define-rule.js';
import { providerKeys, resourceEntries } from '../k8s/views/encryption-config.js';

/** Key sizes in bytes the API server accepts for each local provider. */
const KEY_BYTES: Record<string, readonly number[]> = { aescbc: [32], aesgcm: [16, 24, 32], secretbox: [32] };

function decodedLength(secret: string): number | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(secret) || secret.length % 4 !== 0) return undefined;
  return Buffer.from(secret, 'base64').length;
}

export default defineRule<'wrongLength' | 'notBase64'>({
  meta: {
    id: 'encryption-config-key-length',
    category: 'security',
    level: 'error',
    securitySeverity: 6.0,
    presets: ['recommended'],
    tags: ['control-plane', 'secret'],
    kinds: ['apiserver.config.k8s.io/EncryptionConfiguration'],
    summary:
      'Each aescbc, aesgcm or secretbox key of an EncryptionConfiguration must be base64 of the length the cipher needs (32 bytes; aesgcm also 16 or 24): the API server refuses to start with another.',
    remediation: 'Generate the key with `head -c 32 /dev/urandom | base64`.',
    messages: {
      wrongLength: 'The {{provider}} key "{{key}}" is {{bytes}} bytes; {{provider}} needs {{expected}}.',
      notBase64: 'The {{provider}} key "{{key}}" is not base64.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const entry of resourceEntries(object)) {
          for (const provider of entry.providers) {
            const expected = KEY_BYTES[provider.type];
            if (!expected) continue;
            for (const key of providerKeys(provider)) {
              if (typeof key.secret !== 'string') continue;
              const data = { provider: provider.type, key: key.name };
              const bytes = decodedLength(key.secret);
              if (bytes === undefined) context.report({ messageId: 'notBase64', data, at: [...key.path, 'secret'] });
              else if (!expected.includes(bytes)) context.report({ messageId: 'wrongLength', data: { ...data, bytes, expected: expected.join(', ') }, at: [...key.path, 'secret'] });
            }
          }
        }
      },
    };
  },
});
