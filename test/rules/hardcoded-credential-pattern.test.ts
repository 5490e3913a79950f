import rule from '../../src/rules/hardcoded-credential-pattern.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  valid: [
    { fixture: 'hardcoded-credential-pattern/invalid/custom-resources.yaml', options: { disabledDetectors: ['credential-name', 'jaas-password'] } },{ fixture: 'hardcoded-credential-pattern/invalid/pod.yaml', options: { disabledDetectors: ['slack-webhook', 'github-token', 'aws-access-key-id', 'aws-secret-access-key', 'google-api-key'] } }],
  invalid: [
    {
      fixture: 'hardcoded-credential-pattern/invalid/custom-resources.yaml',
      errors: [
        { line: 11, column: 9, message: 'Password in a JAAS login configuration found in spec.configOverrides.server[0].' },
        { line: 25, column: 11, endColumn: 37, message: 'Literal value under the credential-named key spec.dependencies.schemaRegistry.authentication.basic.password.' },
        { line: 32, column: 5, message: 'Literal value under the credential-named key metadata.annotations["example.com/bootstrap-token"].' },
        {
          line: 64,
          column: 5,
          message:
            'Literal value under a credential-named key in the JSON embedded in metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"], at spec.template.spec.containers[0].env[0].value.',
        },
      ],
    },
    {
      fixture: 'hardcoded-credential-pattern/invalid/pod.yaml',
      errors: [
        { line: 16, column: 11, level: 'error', message: 'AWS access key ID found in spec.containers[0].env[0].value ("AWS_ACCESS_KEY_ID").' },
        { line: 13, column: 11, message: 'GitHub token found in spec.containers[0].args[1].' },
      ],
    },
    {
      fixture: 'hardcoded-credential-pattern/invalid/objects.yaml',
      errors: [
        {
          line: 7,
          column: 5,
          message: 'Stripe live secret key found in the JSON embedded in metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"], at data.stripe-key.',
        },
        { line: 11, column: 3, message: 'Stripe live secret key found in data.stripe-key once base64-decoded.' },
        { line: 12, column: 3, message: 'Private key found in data["tls.key"] once base64-decoded.' },
        { line: 22, column: 3, message: 'AWS access key ID and AWS secret access key found in data.credentials.' },
      ],
    },
  ],
});
