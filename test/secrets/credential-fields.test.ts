import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { credentialFields, holdsEncryptedSecrets, isCustomResourceGroup, isLiteralCredentialField } from '../../src/secrets/credential-fields.js';

describe('credential-named fields', () => {
  test('literal values under credential names are found; references, key names and token formats are not', () => {
    assert.equal(isLiteralCredentialField('password', 'Tr0ub4dor-and-3'), true);
    assert.equal(isLiteralCredentialField('bootstrap-token', 'abcdef0123456789'), true);
    for (const [key, value] of [
      ['passwordSecret', 'orders-db-password'],
      ['auth-secret', 'ingress/basic-auth'],
      ['agent-inject-secret-db', 'database/creds/web'],
      ['secretKey', 'password'],
      ['password', 'vault:secret/data/db#password'],
      ['password', 'ENC[AES256_GCM,data:ZmFrZQ==,iv:ZmFrZQ==,tag:ZmFrZQ==,type:str]'],
      ['existingSecret', 'db'],
      ['token', 'ghp_FAKE0EXAMPLE1TOKEN2abcdefghijklmnopq'],
    ] as const) {
      assert.equal(isLiteralCredentialField(key, value), false, `${key}: ${value}`);
    }
  });

  test('the walk reads name/value pairs and skips container lists', () => {
    const found: string[] = [];
    const spec = { parameters: [{ name: 'adminPassword', value: 'Tr0ub4dor-and-3' }], containers: [{ env: [{ name: 'DB_PASSWORD', value: 'x1y2z3w4' }] }] };
    credentialFields(spec, (path) => found.push(path.join('.')));
    assert.deepEqual(found, ['parameters.0.value']);
  });

  test('custom resource groups and encrypted kinds', () => {
    assert.deepEqual(['', 'apps', 'networking.k8s.io', 'cluster.x-k8s.io', 'platform.confluent.io'].map(isCustomResourceGroup), [false, false, false, true, true]);
    assert.equal(holdsEncryptedSecrets('bitnami.com', {}), true);
    assert.equal(holdsEncryptedSecrets('external-secrets.io', {}), true);
    assert.equal(holdsEncryptedSecrets('example.com', { sops: { version: '3.8.1' } }), true);
    assert.equal(holdsEncryptedSecrets('example.com', {}), false);
  });
});
