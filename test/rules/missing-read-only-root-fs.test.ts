import rule from '../../src/rules/missing-read-only-root-fs.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-read-only-root-fs/invalid/pod.yaml',
      errors: [
        { line: 9, column: 7, endLine: 9, endColumn: 20, level: 'warning', message: 'Container "migrate" does not set readOnlyRootFilesystem: true; its root filesystem is writable.' },
        { line: 15, column: 9, endLine: 15, endColumn: 38, level: 'warning', message: 'Container "app" sets readOnlyRootFilesystem: false.' },
        { line: 18, column: 7, endLine: 18, endColumn: 22, level: 'warning', message: /"cache" does not set readOnlyRootFilesystem/ },
        // The string "true" is not the boolean: reported at the field that is written.
        { line: 23, column: 9, endLine: 23, endColumn: 39, message: /"quoted" does not set readOnlyRootFilesystem: true/ },
      ],
    },
  ],
});
