import { defineRule } from '../engine/define-rule.js';

/** Reported by the suppression stage with --require-reason: every suppression must say why. */
export default defineRule({
  meta: {
    id: 'suppression-missing-reason',
    category: 'best-practice',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A suppression gives no reason, so reviewers cannot tell whether it is still justified.',
    remediation: 'Add a reason: `-- why` after the rule ids of a comment directive, or a kmlint.io/ignore-reason annotation.',
    messages: { missing: '{{message}}' },
  },
  create: () => ({}),
});
