import rule from '../../src/rules/secret-in-env-literal.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  valid: [
    { fixture: 'secret-in-env-literal/invalid/grafana-admin.yaml', options: { allowedNames: ['gf_security_admin_password'] } },
    {
      fixture: 'secret-in-env-literal/invalid/real-values-beside-placeholders.yaml',
      options: { allowedNames: ['NGC_API_KEY', 'hf_token', 'MYSQL_ROOT_PASSWORD', 'client_secret'] },
    },
  ],
  invalid: [
    {
      fixture: 'secret-in-env-literal/invalid/command-line.yaml',
      errors: [
        { line: 13, column: 11, endLine: 13, endColumn: 29, message: 'Container "seed" passes a literal credential to "-p" in its command line.' },
        { line: 22, column: 11, message: 'Container "app" passes a literal credential to "--api-token" in its command line.' },
        // A line of a block script: the region is that line, not the whole script.
        { line: 44, column: 11, endLine: 44, message: 'Container "job" passes a literal credential to "--from-literal token" in its command line.' },
        { line: 34, column: 15, message: 'Container "app" passes a literal credential to "-a" in its livenessProbe.' },
      ],
    },
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
