import rule from '../../src/rules/unsorted-keys.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'unsorted-keys/invalid/top-level.yaml',
      errors: [
        { line: 5, column: 1, endColumn: 16, message: 'Key "kind" is out of alphabetical order: it belongs before "metadata".' },
        { line: 8, column: 3, message: 'Key "API_URL" is out of alphabetical order: it belongs before "LOG_LEVEL".' },
      ],
    },
  ],
});
