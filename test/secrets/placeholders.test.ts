import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasUserinfoPassword, isFilePath, isPlaceholderFor, isPlaceholderValue } from '../../src/secrets/placeholders.js';

describe('placeholder values', () => {
  for (const value of [
    '', '   ', 'true', 'False', 'yes', 'off', '0', '3600', '1.5', '24h', '1h30m', '500ms', '10Mi',
    '/etc/secrets/db-password', './token', '~/.aws/credentials', 'C:\\secrets\\token.txt',
    '$(DB_PASSWORD)', '${DB_PASSWORD}', '$__env{GF_PASSWORD}', '$__file{/run/secrets/pw}', '{{ .Values.password }}', 'prefix-${SUFFIX}', '%(password)s', '%PASSWORD%', '$PASSWORD',
    '<your-password>', '[TOKEN]', '__API_KEY__', '@@SECRET@@', '****', 'xxxxxx', 'REPLACE_ME', 'redacted', 'null', 'TODO',
    'INSERT_ETCD_INITIAL_CLUSTER_TOKEN', 'GOOGLE_API_KEY_VAL', 'YOUR_API_KEY',
    'changeme', 'CHANGEME', 'CHANGEME00000000', 'xxxxxxxx-xxxx', 'XXX-your-key', 'nvapi-NVKEY', 'sk-xxxxxxxx', 'hf_YOURTOKEN',
    'OIDC_CLIENT_SECRET', 'os.environ["HF_TOKEN"]', 'os.getenv("API_KEY", "")', 'process.env.API_KEY', 'ENV.fetch("TOKEN")',
    'System.getenv("DB_PASSWORD")', 'settings.api_key', 'get_secret("db")',
  ]) {
    test(`${JSON.stringify(value)} is a placeholder`, () => assert.equal(isPlaceholderValue(value), true));
  }

  for (const value of [
    'hunter2', 'admin', 'minio123', 'supersecret', 'c-krit', 'S3cr3t!', 'nvapi-8Kf2xQmZ0pLw7RtY', 'somerandomtoken', 'Passw0rd.123',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '/K7MDENG/bPxRfiCYEXAMPLEKEYabcd0123/xyz', 'dGVzdA==',
  ]) {
    test(`${JSON.stringify(value)} is a literal`, () => assert.equal(isPlaceholderValue(value), false));
  }

  test('a value that names its own key is a placeholder; a literal under the same key is not', () => {
    assert.equal(isPlaceholderFor('HF_TOKEN', 'HF_TOKEN'), true);
    assert.equal(isPlaceholderFor('hf_token', 'hf-token-secret'), true);
    assert.equal(isPlaceholderFor('apiKey', 'api-key'), true);
    assert.equal(isPlaceholderFor('HF_TOKEN', 'hf_8Kf2xQmZ0pLw7RtYabc'), false);
    assert.equal(isPlaceholderFor('password', 'my-password-is-long1'), false);
    assert.equal(isPlaceholderFor('password', 'Tr0ub4dor-and-3'), false);
  });

  test('paths look like paths, base64 does not', () => {
    assert.equal(isFilePath('/var/run/secrets/kubernetes.io/serviceaccount/token'), true);
    assert.equal(isFilePath('/AbCdEfGh12345678IjKl/mnop'), false);
  });

  test('URLs with a literal password in the userinfo', () => {
    assert.equal(hasUserinfoPassword('postgres://app:FakeS3cret@db:5432/app'), true);
    assert.equal(hasUserinfoPassword('redis://:FakeS3cret@redis:6379'), true);
    assert.equal(hasUserinfoPassword('postgres://app:$(DB_PASSWORD)@db:5432/app'), false);
    assert.equal(hasUserinfoPassword('postgres://user:password@host/db'), false);
    assert.equal(hasUserinfoPassword('https://keycloak.example.com/auth'), false);
    assert.equal(hasUserinfoPassword('ssh://git@github.com/org/repo'), false);
  });
});
