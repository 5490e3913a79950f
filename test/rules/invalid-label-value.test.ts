import rule from '../../src/rules/invalid-label-value.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'invalid-label-value/invalid/labels.yaml',
      errors: [
        { line: 6, column: 5, message: 'Label "owner" has the value "team a", which is not a valid label value.' },
        { line: 7, column: 5, message: 'Label "version" has a number for its value; label values are strings (quote it).' },
        { line: 8, column: 5, message: 'Label "tier" has a list for its value; label values are strings (quote it).' },
        // A Go template left in place is a flow mapping to YAML.
        { line: 9, column: 5, message: 'Label "cell" has a mapping for its value; label values are strings (quote it).' },
        { line: 14, column: 9, message: 'Label "image" has the value "registry.example.com/web", which is not a valid label value.' },
      ],
    },
  ],
});
