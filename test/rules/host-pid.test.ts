import rule from '../../src/rules/host-pid.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'host-pid/invalid/pod.yaml',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 16, level: 'error', message: 'Pod shares the process namespace of the node (hostPID: true).' }],
    },
    {
      fixture: 'host-pid/invalid/yaml-1-1-spellings.yaml',
      errors: [{ line: 31, column: 11, endLine: 31, endColumn: 22, level: 'error' }],
    },
  ],
});
