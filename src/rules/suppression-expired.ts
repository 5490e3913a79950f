import { defineRule } from '../engine/define-rule.js';

/** Reported by the suppression stage: the suppression's date has passed and its findings are reported again. */
export default defineRule({
  meta: {
    id: 'suppression-expired',
    category: 'best-practice',
    level: 'warning',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A suppression has passed its expiry date, so the findings it hid are reported again.',
    remediation: 'Fix the findings and remove the suppression, or renew it with a new date and a reason.',
    messages: { expired: '{{message}}' },
  },
  create: () => ({}),
});
