import { defineRule } from '../engine/define-rule.js';
import type { JsonObject, JsonValue } from '../k8s/model.js';
import { isObject } from '../k8s/json.js';
import { LAST_APPLIED, parseEmbeddedObject } from '../secrets/credential-fields.js';
import { decodeBase64Text } from '../secrets/base64-text.js';
import { isPlaceholderValue } from '../secrets/placeholders.js';

/** Filled values of the Secret a last-applied-configuration annotation holds (`kubectl apply` copies the whole object). */
function lastAppliedValues(value: JsonObject): number {
  const annotations = isObject(value.metadata) ? value.metadata.annotations : undefined;
  const text = isObject(annotations) ? annotations[LAST_APPLIED] : undefined;
  const embedded = typeof text === 'string' ? parseEmbeddedObject(text) : undefined;
  if (!isObject(embedded) || embedded.kind !== 'Secret' || isObject(embedded.sops)) return 0;
  return filledKeys(embedded.data, true) + filledKeys(embedded.stringData, false);
}

/**
 * Keys with a real value: `tls.crt: ""`, `password: <base64-encoded>` or `${PASSWORD}`
 * (a template to fill in at deploy time) commit nothing.
 */
function filledKeys(field: JsonValue | undefined, encoded: boolean): number {
  if (!isObject(field)) return 0;
  let count = 0;
  for (const value of Object.values(field)) {
    if (typeof value !== 'string') continue;
    const text = encoded ? (decodeBase64Text(value) ?? value) : value;
    if (!isPlaceholderValue(text)) count++;
  }
  return count;
}

export default defineRule<'plaintextData' | 'plaintextStringData' | 'plaintextLastApplied', Record<string, never>>({
  meta: {
    id: 'plaintext-secret-object',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended'],
    tags: ['secret'],
    summary:
      'Secret objects must not be committed with their values: `data` is only base64-encoded and `stringData` is plain text, so anyone who can read the repository can read the secret.',
    remediation:
      'Remove the Secret from the manifests and create it from an encrypted source instead (Sealed Secrets, External Secrets, SOPS) or at deploy time.',
    messages: {
      plaintextData: 'Secret "{{name}}" commits {{count}} base64-encoded value(s) in data; base64 is an encoding, not encryption.',
      plaintextStringData: 'Secret "{{name}}" commits {{count}} plain-text value(s) in stringData.',
      plaintextLastApplied: 'Secret "{{name}}" commits {{count}} value(s) in its last-applied-configuration annotation, a copy kubectl apply kept of the whole Secret.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return;
        const value = object.value;
        // A SOPS-encrypted file carries its metadata in a top-level `sops:` key: the values are ciphertext.
        if (isObject(value.sops)) return;
        const name = object.name ?? '(unnamed)';
        const data = filledKeys(value.data, true);
        if (data > 0) {
          context.report({ messageId: 'plaintextData', data: { name, count: data }, at: [...object.path, 'data'] });
          return;
        }
        const stringData = filledKeys(value.stringData, false);
        if (stringData > 0) {
          context.report({ messageId: 'plaintextStringData', data: { name, count: stringData }, at: [...object.path, 'stringData'] });
          return;
        }
        // The values were taken out of the Secret but `kubectl apply` kept a copy of them.
        const kept = lastAppliedValues(value);
        if (kept > 0) context.report({ messageId: 'plaintextLastApplied', data: { name, count: kept }, at: [...object.path, 'metadata', 'annotations', LAST_APPLIED] });
      },
    };
  },
});
