import rule from '../../src/rules/missing-memory-limit.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-memory-limit/invalid/pod.yaml',
      errors: [
        // The sidecar init container counts; the classic init container above it does not.
        { line: 11, column: 7, endLine: 11, endColumn: 18, level: 'warning', message: 'Container "proxy" has no memory limit.' },
        // limits exists without memory: the finding points at `limits`, the nearest written ancestor.
        { line: 21, column: 9, endLine: 21, endColumn: 15, level: 'warning', message: 'Container "app" has no memory limit.' },
        // `memory:` with no value is null, which the API server drops.
        { line: 29, column: 11, endLine: 29, endColumn: 18, message: 'Container "blank" has no memory limit.' },
      ],
    },
  ],
});
