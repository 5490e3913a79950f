import { defineRule } from '../engine/define-rule.js';

/** Reported by the parser stage: the rule carries the metadata, the engine does the reporting. */
export default defineRule({
  meta: {
    id: 'yaml-syntax-error',
    category: 'schema',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'The file is not valid YAML, so the documents with errors cannot be linted.',
    remediation: 'Fix the YAML syntax at the reported position; other documents of the file are still linted.',
    messages: { syntax: '{{message}}' },
  },
  create: () => ({}),
});
