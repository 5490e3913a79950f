import rule from '../../src/rules/privileged-container.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'privileged-container/invalid/pod.yaml',
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 25, level: 'error', message: 'Container "setup" runs privileged.' }],
    },
  ],
});
