import { defineRule } from '../engine/define-rule.js';
import { stringEntries } from '../k8s/json.js';

/** Keys that name personal data; credentials are secret-in-configmap's concern. */
const PERSONAL_KEY = /(^|[._-])(user_?name|e-?mail|phone|iban|ssn|date_?of_?birth)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Messages name the key, never the value. */
export default defineRule({
  meta: {
    id: 'sensitive-data-in-configmap',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: [],
    tags: ['secret'],
    kinds: ['config-maps'],
    precision: 'low',
    summary: 'ConfigMaps should not hold personal data (user names, e-mail addresses, phone numbers, bank accounts): they are readable by anyone who may read configuration and are not encrypted at rest.',
    remediation: 'Move personal data to a Secret, or out of the cluster configuration.',
    messages: {
      personalKey: 'ConfigMap "{{name}}" key "{{key}}" names personal data.',
      personalValue: 'ConfigMap "{{name}}" key "{{key}}" holds {{what}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const [key, value] of Object.entries(stringEntries(object.value.data))) {
          const at = [...object.path, 'data', key];
          const data = { name: object.name ?? '', key };
          const trimmed = value.trim();
          if (EMAIL.test(trimmed)) context.report({ messageId: 'personalValue', data: { ...data, what: 'an e-mail address' }, at });
          else if (IBAN.test(trimmed.replace(/ /g, ''))) context.report({ messageId: 'personalValue', data: { ...data, what: 'a bank account number (IBAN)' }, at });
          else if (PERSONAL_KEY.test(key) && trimmed !== '') context.report({ messageId: 'personalKey', data, at });
        }
      },
    };
  },
});
