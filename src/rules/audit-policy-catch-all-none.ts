import { defineRule } from '../engine/define-rule.js';
import { auditRules } from '../k8s/views/audit-policy.js';

export default defineRule<'catchAll'>({
  meta: {
    id: 'audit-policy-catch-all-none',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    kinds: ['audit.k8s.io/Policy'],
    summary:
      'An audit Policy should not end in a catch-all rule at level None: every request the rules before it did not foresee (new resources, custom resources) goes unrecorded.',
    remediation: 'Make the last rule `level: Metadata` with no other field; silence noisy requests with narrower None rules before it.',
    messages: {
      catchAll: 'Rule {{rule}} matches every request at level None: requests no earlier rule names are not logged.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const rule of auditRules(object)) {
          if (rule.catchAll && rule.level === 'None') context.report({ messageId: 'catchAll', data: { rule: rule.number }, at: [...rule.path, 'level'] });
        }
      },
    };
  },
});
