import rule from '../../src/rules/missing-cpu-request.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-cpu-request/invalid/pod.yaml',
      errors: [{ line: 11, column: 7, endLine: 11, endColumn: 18, level: 'warning', message: 'Container "proxy" has no CPU request.' }],
    },
    {
      fixture: 'missing-cpu-request/invalid/pod-level-and-lists.yaml',
      errors: [
        // A pod-level memory limit covers neither the CPU request nor the CPU limit.
        { line: 20, column: 11, endLine: 20, endColumn: 20, level: 'warning', message: 'Container "app" has no CPU request.' },
        { line: 45, column: 19, endLine: 45, endColumn: 28, level: 'warning', message: 'Container "report" has no CPU request.' },
      ],
    },
  ],
});
