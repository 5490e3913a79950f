import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectCredentials, detectorsAnchoredIn, DETECTOR_IDS } from '../../src/secrets/value-detectors.js';
import { FAKE, FAKE_GCP_SERVICE_ACCOUNT } from './fake-tokens.js';

const ids = (text: string, keyName?: string) => detectCredentials(text, keyName).map((detector) => detector.id);

describe('value detectors', () => {
  const expected: [keyof typeof FAKE, string][] = [
    ['aws-access-key-id', 'aws-access-key-id'],
    ['github-token', 'github-token'],
    ['github-fine-grained', 'github-token'],
    ['gitlab-token', 'gitlab-token'],
    ['slack-token', 'slack-token'],
    ['slack-webhook', 'slack-webhook'],
    ['stripe-secret-key', 'stripe-secret-key'],
    ['google-api-key', 'google-api-key'],
    ['npm-token', 'npm-token'],
    ['twilio-api-key', 'twilio-api-key'],
    ['sendgrid-api-key', 'sendgrid-api-key'],
    ['hugging-face-token', 'hugging-face-token'],
    ['jwt', 'jwt'],
    ['url-password', 'url-password'],
    ['azure-storage-key', 'azure-storage-key'],
    ['http-basic-auth', 'http-basic-auth'],
    ['jaas-password', 'jaas-password'],
    ['private-key', 'private-key'],
  ];
  for (const [fake, id] of expected) {
    test(`${id} finds ${fake} alone and inside text`, () => {
      assert.deepEqual(ids(FAKE[fake]), [id]);
      assert.deepEqual(ids(`# config\nsetting: ${FAKE[fake]}\nother: 1\n`), [id]);
    });
  }

  test('a JAAS line that reads its password from a file or a variable holds none', () => {
    assert.deepEqual(ids('PlainLoginModule required username="u" password="${file:/mnt/secrets/creds:password}";'), []);
    assert.deepEqual(ids('ScramLoginModule required username="u" password="$(KAFKA_PASSWORD)";'), []);
  });

  test('every detector is exercised', () => {
    const covered = new Set(expected.map(([, id]) => id).concat('aws-secret-access-key', 'gcp-service-account', 'docker-registry-auth'));
    assert.deepEqual(DETECTOR_IDS.filter((id) => !covered.has(id)), []);
  });

  test('an AWS secret key needs its name: alone it is just 40 base64 characters', () => {
    assert.deepEqual(ids(FAKE['aws-secret-access-key']), []);
    assert.deepEqual(ids(FAKE['aws-secret-access-key'], 'AWS_SECRET_ACCESS_KEY'), ['aws-secret-access-key']);
    assert.deepEqual(ids(`[default]\naws_access_key_id = ${FAKE['aws-access-key-id']}\naws_secret_access_key = ${FAKE['aws-secret-access-key']}\n`), [
      'aws-access-key-id',
      'aws-secret-access-key',
    ]);
  });

  test('a GCP service-account key is one finding, not also a private key', () => {
    assert.deepEqual(ids(FAKE_GCP_SERVICE_ACCOUNT), ['gcp-service-account']);
  });

  test('a .dockerconfigjson login is found; an auth without a password is not', () => {
    const login = (userPass: string) => JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from(userPass).toString('base64') } } });
    assert.deepEqual(ids(login('fakeuser:FakeRegistryPass1')), ['docker-registry-auth']);
    assert.deepEqual(ids(login('fakeuser:${REGISTRY_PASSWORD}')), []);
    assert.deepEqual(ids(login('just-a-user')), []);
  });

  test('tokens glued to other word characters do not match', () => {
    assert.deepEqual(ids(`X${FAKE['aws-access-key-id']}`), []);
    assert.deepEqual(ids(`${FAKE['github-token']}0`), []);
    assert.deepEqual(ids(`${FAKE['google-api-key']}x`), []);
  });

  test('look-alikes stay quiet', () => {
    for (const text of [
      'https://user:password@example.com/ documents the URL syntax',
      'redis://:${REDIS_PASSWORD}@redis:6379/0',
      'amqp://guest:$(RABBITMQ_PASSWORD)@rabbitmq:5672',
      'mongodb://{{ .Values.user }}:{{ .Values.password }}@mongo:27017',
      'http://example.com:8080/path',
      'git@github.com:org/repo.git',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '# -----BEGIN PRIVATE KEY----- goes here',
      'eyJhbGciOiJIUzI1NiJ9 is only a header',
      'AKIA is the prefix of AWS access key ids',
      'TASK_DISK_ASK',
      'sk_test_FAKEexample0123456789abcd',
      'Authorization: Basic ${CREDENTIALS}',
    ]) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  test('disabled detectors are left out', () => {
    assert.deepEqual(detectCredentials(FAKE.jwt, undefined, new Set(['jwt'])), []);
  });

  test('a 1 MB string without anchors is rejected quickly', () => {
    const big = '{"panels": [{"title": "CPU", "expr": "rate(container_cpu_usage_seconds_total[5m])"}]}\n'.repeat(12_000);
    const start = performance.now();
    for (let round = 0; round < 10; round++) assert.deepEqual(ids(big), []);
    assert.ok(performance.now() - start < 500, 'prefilter too slow');
  });

  test('one scan of a file names every detector whose anchor it holds, overlapping anchors too', () => {
    const anchored = (text: string) => detectorsAnchoredIn(text).map((detector) => detector.id);
    assert.deepEqual(anchored('url: https://example.com\nkey: AIzaXYZ\n'), ['google-api-key', 'url-password']);
    // `LoginModule` ends where `eyJ` starts would begin: both are found, in the detectors' order.
    assert.deepEqual(anchored('x: LoginModuleyJ npm_authToken'), ['jwt', 'npm-token', 'jaas-password']);
    assert.deepEqual(anchored('kind: ConfigMap\ndata:\n  a: b\n'), []);
    for (const token of Object.values(FAKE)) {
      const text = `a: 1\nb: "${token}"\n`;
      for (const hit of detectCredentials(token)) assert.ok(detectorsAnchoredIn(text).includes(hit), hit.id);
    }
  });
});
