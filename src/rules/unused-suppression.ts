import { defineRule } from '../engine/define-rule.js';

/** Reported by the suppression stage (src/suppress): a directive, annotation or exemption that suppressed nothing. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'best-practice',
    level: 'note',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A suppression (comment directive, annotation or config exemption) matched no finding, so it hides nothing today and could hide a new problem later.',
    remediation: 'Remove the suppression, or correct the rule id or selector it names.',
    messages: { unused: '{{message}}' },
  },
  create: () => ({}),
});
