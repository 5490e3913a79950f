import rule from '../../src/rules/host-network.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'host-network/invalid/pod.yaml',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 20, level: 'error', message: 'Pod shares the network namespace of the node (hostNetwork: true).' }],
    },
    {
      fixture: 'host-network/invalid/yaml-1-1-spellings.yaml',
      errors: [
        { line: 15, column: 7, endLine: 15, endColumn: 23, level: 'error' },
        { line: 31, column: 11, endLine: 31, endColumn: 26, level: 'error' },
        { line: 46, column: 7, endLine: 46, endColumn: 24, level: 'error' },
      ],
    },
  ],
});
