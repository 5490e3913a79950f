import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonValue } from '../../src/k8s/model.js';
import { formatKeyPath, scanStrings, type CredentialHit } from '../../src/secrets/scan-strings.js';
import { FAKE } from './fake-tokens.js';

function hits(root: JsonValue): { path: string; ids: string[]; keyName?: string; decoded: boolean; inner?: string[] }[] {
  const found: CredentialHit[] = [];
  scanStrings(root, (hit) => found.push(hit));
  return found.map((hit) => ({
    path: formatKeyPath(hit.path),
    ids: hit.detectors.map((detector) => detector.id),
    ...(hit.keyName !== undefined ? { keyName: hit.keyName } : {}),
    decoded: hit.decoded,
    ...(hit.inner ? { inner: hit.inner.map(formatKeyPath) } : {}),
  }));
}

describe('scanning every string of an object', () => {
  test('env values take the variable name as their key', () => {
    const pod = { spec: { containers: [{ env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: FAKE['aws-secret-access-key'] }] }] } };
    assert.deepEqual(hits(pod), [
      { path: 'spec.containers[0].env[0].value', ids: ['aws-secret-access-key'], keyName: 'AWS_SECRET_ACCESS_KEY', decoded: false },
    ]);
  });

  test('Secret data is base64-decoded, ConfigMap binaryData too, other kinds are not', () => {
    const encoded = Buffer.from(`token: ${FAKE['github-token']}`).toString('base64');
    assert.deepEqual(hits({ kind: 'Secret', data: { config: encoded } }), [{ path: 'data.config', ids: ['github-token'], keyName: 'config', decoded: true }]);
    assert.deepEqual(hits({ kind: 'ConfigMap', binaryData: { 'a.bin': encoded } }), [
      { path: 'binaryData["a.bin"]', ids: ['github-token'], keyName: 'a.bin', decoded: true },
    ]);
    assert.deepEqual(hits({ kind: 'Widget', data: { config: encoded } }), []);
  });

  test('last-applied-configuration is parsed to name the inner key, and its Secret data is decoded', () => {
    const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', data: { password: Buffer.from(FAKE['stripe-secret-key']).toString('base64') } });
    const root = { metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied } } };
    assert.deepEqual(hits(root), [
      {
        path: 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]',
        ids: ['stripe-secret-key'],
        keyName: 'kubectl.kubernetes.io/last-applied-configuration',
        decoded: false,
        inner: ['data.password'],
      },
    ]);
  });

  test('command arguments and custom resources are scanned', () => {
    const root = { spec: { containers: [{ args: ['--token', FAKE['gitlab-token']] }], database: { uri: FAKE['url-password'] } } };
    assert.deepEqual(hits(root).map((hit) => [hit.path, hit.ids]), [
      ['spec.containers[0].args[1]', ['gitlab-token']],
      ['spec.database.uri', ['url-password']],
    ]);
  });
});

describe('formatKeyPath', () => {
  test('a registry URL with a password, used as a key, is shown without the password', () => {
    const shown = formatKeyPath(['auths', 'https://robot:Pa55wordXyz@registry.example.com', 'auth']);
    assert.equal(shown, 'auths["https://robot:****@registry.example.com"].auth');
  });
});
