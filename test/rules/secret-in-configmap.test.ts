import rule from '../../src/rules/secret-in-configmap.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  valid: [{ fixture: 'secret-in-configmap/invalid/list.yaml', options: { allowedKeys: ['grafana.ini', 'CLIENTSECRET'] } }],
  invalid: [
    {
      fixture: 'secret-in-configmap/invalid/configmap.yaml',
      errors: [
        { line: 7, column: 3, endLine: 7, endColumn: 32, level: 'error', message: 'ConfigMap "app-config" stores a literal value under the credential-like key "DB_PASSWORD" in data.' },
        {
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 77,
          message: 'ConfigMap "app-config" data key "application.properties" sets credential-like entries to literal values: "spring.datasource.password" (line 3).',
        },
        { line: 20, column: 9, message: /"token" \(line 6\)/ },
        { line: 21, column: 3, message: 'ConfigMap "app-config" data key "BROKER_URL" holds a URL with a literal password in it.' },
        { line: 23, column: 3, message: 'ConfigMap "app-config" binaryData key "legacy.properties" sets credential-like entries to literal values: "db.password" (line 2).' },
      ],
    },
  ],
});
