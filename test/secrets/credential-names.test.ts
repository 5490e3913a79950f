import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCredentialName, isLocatorName, nameWords } from '../../src/secrets/credential-names.js';

describe('credential names', () => {
  test('splits names into words', () => {
    assert.deepEqual(nameWords('clientSecret'), ['client', 'secret']);
    assert.deepEqual(nameWords('AWS_SECRET_ACCESS_KEY'), ['aws', 'secret', 'access', 'key']);
    assert.deepEqual(nameWords('spring.datasource.password'), ['spring', 'datasource', 'password']);
    assert.deepEqual(nameWords('OAuthTokenTTL'), ['o', 'auth', 'token', 'ttl']);
  });

  for (const name of [
    'PASSWORD', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'dbpassword', 'admin-pass', 'REDIS_PASS', 'PGPASSWORD',
    'DB_PWD', 'passphrase', 'JWT_SECRET', 'clientSecret', 'app_secret', 'SECRET_KEY', 'API_KEY', 'apiKey', 'apikey',
    'ACCESS_KEY', 'PRIVATE_KEY', 'SIGNING_KEY', 'signing_key', 'ENCRYPTION_KEY', 'GITHUB_TOKEN', 'VAULT_TOKEN',
    'refreshToken', 'AUTH_TOKEN', 'BASIC_AUTH', 'BEARER', 'CREDENTIALS', 'DB_CREDS', 'SENTRY_DSN',
    'CONNECTION_STRING', 'connectionString', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS', 'OCI_CLI_KEY_CONTENT', 'AZURE_STORAGE_KEY', 'AZURE_BATCH_KEY', 'htpasswd', 'SSH_KEY', 'DEPLOY_KEY',
  ]) {
    test(`${name} names a credential`, () => assert.equal(isCredentialName(name), true));
  }

  for (const name of [
    'KEYCLOAK_URL', 'CACHE_KEY_PREFIX', 'TOKEN_TTL', 'TOKEN_EXPIRY', 'PASSWORD_FILE', 'DB_PASSWORD_PATH', 'SECRET_NAME',
    'secretName', 'ALLOYDB_SECRET_NAME', 'ETCD_KEY_FILE', 'CLIENT_CERT_KEY_PATH', 'ARGOCD_REDIS_KEY_PREFIX',
    'TOKENREF_STRICT_MODE', 'AUTH_ENABLED', 'GF_AUTH_ANONYMOUS_ORG_ROLE', 'DISABLE_AUTH_ENABLED', 'MAX_IDLE_CONNECTIONS',
    'PASS_THROUGH', 'PWD', 'OLDPWD', 'KEY', 'PRIMARY_KEY', 'PUBLIC_KEY_ID', 'MONKEY', 'TOKEN_AUDIENCE', 'SECRETS_DIR',
    'gpg-keys', 'DATABASE_URL', 'PASSWORD_MIN_LENGTH', 'AUTH_TYPE', 'PASSWORD_HASH',
  ]) {
    test(`${name} does not name a credential`, () => assert.equal(isCredentialName(name), false));
  }

  test('URL-like names are locators', () => {
    assert.equal(isLocatorName('DATABASE_URL'), true);
    assert.equal(isLocatorName('redisUri'), true);
    assert.equal(isLocatorName('DB_PASSWORD'), false);
  });
});
