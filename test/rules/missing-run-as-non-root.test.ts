import rule from '../../src/rules/missing-run-as-non-root.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'missing-run-as-non-root/invalid/pod.yaml',
      errors: [
        // The container's own false wins over the pod's true: reported where the false is written.
        { line: 12, column: 9, endLine: 12, endColumn: 28, level: 'warning', message: 'Container "chown" sets runAsNonRoot: false.' },
        { line: 19, column: 26, endLine: 19, endColumn: 42, level: 'warning', message: 'Container "spelled-no" sets runAsNonRoot: false.' },
      ],
    },
    {
      fixture: 'missing-run-as-non-root/invalid/pod-level-false.yaml',
      errors: [
        // One finding at the pod-level value, naming only the containers that inherit it.
        { line: 7, column: 5, endLine: 7, endColumn: 24, level: 'warning', message: 'The pod sets runAsNonRoot: false, which containers "app", "sidecar" inherit.' },
      ],
    },
    {
      fixture: 'missing-run-as-non-root/invalid/unset.yaml',
      errors: [
        { line: 15, column: 11, endLine: 15, endColumn: 20, message: 'Container "api" may run as root: runAsNonRoot is set neither on the container nor on the pod.' },
        {
          line: 19,
          column: 11,
          endLine: 19,
          endColumn: 26,
          message: 'Container "uid-only" runs as user 1000 but does not set runAsNonRoot: true (on the container or the pod), which the Restricted profile requires.',
        },
      ],
    },
  ],
});
