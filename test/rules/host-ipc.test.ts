import rule from '../../src/rules/host-ipc.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'host-ipc/invalid/pod.yaml',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 16, level: 'error', message: 'Pod shares the IPC namespace of the node (hostIPC: true).' }],
    },
    {
      fixture: 'host-ipc/invalid/yaml-1-1-spellings.yaml',
      errors: [{ line: 46, column: 7, endLine: 46, endColumn: 20, level: 'error' }],
    },
  ],
});
