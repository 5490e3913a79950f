import { defineRule } from '../engine/define-rule.js';

/**
 * Reported by the conversion stage: a document that is valid YAML but costs more than a linear budget to
 * read (an alias bomb, aliases nested in aliases, nesting deeper than the parser or the walk can follow).
 * The document is not linted, and saying so is a finding: a silent skip would pass what nobody checked.
 */
export default defineRule({
  meta: {
    id: 'document-too-complex',
    category: 'schema',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A YAML document expands beyond a linear budget (alias bombs, nested aliases) or nests too deep to read, so it is not linted.',
    remediation: 'Write the document without chains of aliases and without deep nesting; the API server refuses such documents too.',
    messages: { tooComplex: 'Document {{document}} is not linted ({{reason}}).' },
  },
  create: () => ({}),
});
