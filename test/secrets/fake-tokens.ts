/**
 * Fake credentials in the exact shape of real ones, for tests and fixtures. None is live: the
 * AWS pair is the one AWS documents, the others spell FAKE/example inside the token body.
 */
export const FAKE = {
  'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
  'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'github-token': 'ghp_FAKE0EXAMPLE1TOKEN2abcdefghijklmnopq',
  'github-fine-grained': 'github_pat_11FAKEEXAMPLE012345678_fakeExampleFineGrainedToken0123456789abcdefghijklmnopqrstuv',
  'gitlab-token': 'glpat-FAKEexample1234567890',
  'slack-token': 'xoxb-123456789012-1234567890123-FAKEexampleTOKENabcdefgh',
  'slack-webhook': 'https://hooks.slack.com/services/T00000000/B00000000/FAKEexampleWEBHOOK000000',
  'stripe-secret-key': 'sk_live_FAKEexample0123456789abcd',
  'google-api-key': 'AIzaSyFAKE-example_0123456789abcdefghij',
  'npm-token': 'npm_FAKEexample0123456789abcdefghijklmno',
  'twilio-api-key': 'SK0123456789abcdef0123456789abcdef',
  'sendgrid-api-key': 'SG.FAKEexample0123456789a.FAKEexample0123456789abcdefghijklmnopqrstuv',
  'hugging-face-token': 'hf_FAKEexampleTOKENabcdefghijklmnopqr',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkZha2UgVXNlciJ9.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz',
  'url-password': 'postgres://app:FakeS3cretPassw0rd@db.example.internal:5432/app',
  'azure-storage-key':
    'DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=FAKEexampleKEY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567==;EndpointSuffix=core.windows.net',
  'jaas-password': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="fake" password="FakeJaasPassw0rd1";',
  'http-basic-auth': `Authorization: Basic ${Buffer.from('fakeuser:FakeBasicPass1').toString('base64')}`,
  'private-key': [
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEpAIBAAKCAQEAfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake',
    'FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n'),
} as const;

/** A GCP service-account key file with a fake key inside. */
export const FAKE_GCP_SERVICE_ACCOUNT = JSON.stringify({
  type: 'service_account',
  project_id: 'fake-project',
  private_key_id: 'fake0000000000000000000000000000000000ff',
  private_key: `${FAKE['private-key'].replace(/RSA /g, '')}\n`,
  client_email: 'fake@fake-project.iam.gserviceaccount.com',
});
