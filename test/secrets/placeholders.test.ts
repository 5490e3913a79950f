import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasUserinfoPassword, isFilePath, isPlaceholderValue } from '../../src/secrets/placeholders.js';

describe('placeholder values', () => {
  for (const value of [
    '', '   ', 'true', 'False', 'yes', 'off', '0', '3600', '1.5', '24h', '1h30m', '500ms', '10Mi',
    '/etc/secrets/db-password', './token', '~/.aws/credentials', 'C:\\secrets\\token.txt',
    '$(DB_PASSWORD)', '${DB_PASSWORD}', '$__env{GF_PASSWORD}', '$__file{/run/secrets/pw}', '{{ .Values.password }}', 'prefix-${SUFFIX}', '%(password)s', '%PASSWORD%', '$PASSWORD',
    '<your-password>', '[TOKEN]', '__API_KEY__', '@@SECRET@@', '****', 'xxxxxx', 'REPLACE_ME', 'redacted', 'null', 'TODO',
    'INSERT_ETCD_INITIAL_CLUSTER_TOKEN', 'GOOGLE_API_KEY_VAL', 'YOUR_API_KEY',
  ]) {
    test(`${JSON.stringify(value)} is a placeholder`, () => assert.equal(isPlaceholderValue(value), true));
  }

  for (const value of [
    'hunter2', 'changeme', 'admin', 'minio123', 'supersecret', 'c-krit', 'CHANGEME00000000', 'S3cr3t!',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '/K7MDENG/bPxRfiCYEXAMPLEKEYabcd0123/xyz', 'dGVzdA==',
  ]) {
    test(`${JSON.stringify(value)} is a literal`, () => assert.equal(isPlaceholderValue(value), false));
  }

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
