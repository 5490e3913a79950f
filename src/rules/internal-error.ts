import { defineRule } from '../engine/define-rule.js';

/** Reported when a rule throws: the run goes on, and exits 2. */
export default defineRule({
  meta: {
    id: 'internal-error',
    category: 'schema',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A kmlint rule failed on an object; the other rules and objects were still linted.',
    remediation: 'Report the message and the object to the kmlint maintainers.',
    messages: { crashed: 'Rule "{{rule}}" failed on {{object}}: {{reason}}' },
  },
  create: () => ({}),
});
