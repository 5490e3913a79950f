import rule from '../../src/rules/missing-cpu-limit.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-cpu-limit/invalid/pod.yaml',
      errors: [
        { line: 11, column: 7, endLine: 11, endColumn: 18, level: 'note', message: 'Container "proxy" has no CPU limit.' },
        { line: 28, column: 9, endLine: 28, endColumn: 15, level: 'note', message: 'Container "blank" has no CPU limit.' },
      ],
    },
    {
      // A pod-level memory limit does not cover CPU.
      fixture: 'missing-cpu-limit/invalid/pod-level-and-lists.yaml',
      errors: [{ line: 20, column: 11, endLine: 20, endColumn: 20, level: 'note', message: 'Container "app" has no CPU limit.' }],
    },
  ],
});
