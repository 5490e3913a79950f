import rule from '../../src/rules/node-selector-unsatisfiable.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'node-selector-unsatisfiable/invalid/os-name-vs-node-selector.yaml',
      errors: [{ line: 9, column: 5, endColumn: 30, level: 'warning', message: 'The pod declares spec.os.name "linux", but nodeSelector kubernetes.io/os: "windows" excludes such nodes: no node can run it.' }],
    },
    {
      fixture: 'node-selector-unsatisfiable/invalid/selector-vs-affinity-arch.yaml',
      errors: [{ line: 16, column: 17, message: 'node affinity kubernetes.io/arch In (amd64) contradicts nodeSelector kubernetes.io/arch: "arm64": no node can run the pod.' }],
    },
    {
      fixture: 'node-selector-unsatisfiable/invalid/every-term-clashes.yaml',
      errors: [{ line: 11, column: 9, message: /^None of the 2 required node affinity terms can match a node/ }],
    },
  ],
});
