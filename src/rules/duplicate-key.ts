import { defineRule } from '../engine/define-rule.js';

/** Reported while the document is converted: the rule carries the metadata, the engine does the reporting. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    category: 'schema',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A mapping repeats a key; kubectl with strict validation rejects it, and lenient readers silently keep the last value.',
    remediation: 'Remove or rename the repeated key so each key appears once in its mapping.',
    messages: { duplicate: 'Map keys must be unique; "{{key}}" is repeated.' },
  },
  create: () => ({}),
});
