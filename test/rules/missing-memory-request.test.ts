import rule from '../../src/rules/missing-memory-request.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-memory-request/invalid/pod.yaml',
      errors: [
        { line: 23, column: 7, endLine: 23, endColumn: 19, level: 'warning', message: 'Container "worker" has no memory request.' },
        // A null limit does not default the request: reported at `resources`, the nearest written ancestor.
        { line: 27, column: 7, endLine: 27, endColumn: 16, level: 'warning', message: 'Container "blank" has no memory request.' },
      ],
    },
  ],
});
