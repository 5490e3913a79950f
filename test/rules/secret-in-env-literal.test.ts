import rule from '../../src/rules/secret-in-env-literal.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  valid: [{ fixture: 'secret-in-env-literal/invalid/grafana-admin.yaml', options: { allowedNames: ['gf_security_admin_password'] } }],
  invalid: [
    {
      fixture: 'secret-in-env-literal/invalid/pod.yaml',
      errors: [
        { line: 11, column: 11, endLine: 11, endColumn: 34, level: 'error', message: 'Container "migrate" sets the credential variable "DB_PASSWORD" to a literal value.' },
        { line: 20, column: 31, message: 'Container "app" sets the credential variable "JWT_SECRET" to a literal value.' },
        { line: 22, column: 11, message: 'Container "app" sets "DATABASE_URL" to a URL with a literal password in it.' },
      ],
    },
  ],
});
