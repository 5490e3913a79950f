import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCredentialAssignments } from '../../src/secrets/assignments.js';

describe('credential assignments in config text', () => {
  test('finds key=value and key: value lines with literal values', () => {
    const text = [
      '[database]',
      'host = db.internal',
      'password = FakeDbPass1',
      'spring.datasource.password=FakeSpringPass',
      'auth:',
      '  client_secret: "FakeClientSecret"',
      '  "apiKey": "FakeApiKey123",',
      'export REDIS_PASSWORD=FakeRedisPass',
    ].join('\n');
    assert.deepEqual(findCredentialAssignments(text), [
      { key: 'password', line: 3 },
      { key: 'spring.datasource.password', line: 4 },
      { key: 'client_secret', line: 6 },
      { key: 'apiKey', line: 7 },
      { key: 'REDIS_PASSWORD', line: 8 },
    ]);
  });

  test('skips placeholders, empty values, nested blocks, comments and non-credential keys', () => {
    const text = [
      'password = ${GF_PASSWORD}',
      'token: {{ .Values.token }}',
      'secret: ""',
      'password:',
      'credentials: |',
      'apiKey: $(API_KEY)',
      '# password = commented-out',
      '; secret = ini-comment',
      'password_file = /run/secrets/db',
      'token_ttl: 3600',
      'key: some-cache-key',
      'cache_key_prefix: app',
      'auth_enabled: true',
      'tokens: [a, b]',
    ].join('\n');
    assert.deepEqual(findCredentialAssignments(text), []);
  });

  test('a large dashboard JSON without credential keys is scanned quickly', () => {
    const big = '{"datasource": "prometheus", "legendFormat": "{{pod}}", "key": "panel-1"},\n'.repeat(15_000);
    const start = performance.now();
    assert.deepEqual(findCredentialAssignments(big), []);
    assert.ok(performance.now() - start < 500);
  });
});
