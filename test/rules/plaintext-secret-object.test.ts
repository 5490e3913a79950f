import rule from '../../src/rules/plaintext-secret-object.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'plaintext-secret-object/invalid/secrets.yaml',
      errors: [
        { line: 6, column: 1, level: 'warning', message: 'Secret "db" commits 2 base64-encoded value(s) in data; base64 is an encoding, not encryption.' },
        { line: 14, column: 1, message: 'Secret "api" commits 1 plain-text value(s) in stringData.' },
        { line: 36, column: 5, message: /Secret "in-a-list" commits 1 base64-encoded/ },
        { line: 44, column: 5, message: 'Secret "exported" commits 1 value(s) in its last-applied-configuration annotation, a copy kubectl apply kept of the whole Secret.' },
      ],
    },
  ],
});
