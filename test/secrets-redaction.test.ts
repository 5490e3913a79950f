/**
 * Secrets never leak: a manifest full of (fake) credentials is linted with every rule, in process
 * and through the built CLI in every output format, and no secret value appears in the output:
 * not plain, not base64-encoded, not decoded, not its first 8 characters.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { lint } from '../src/run/lint.js';
import { FORMATS } from '../src/formatters/index.js';
import { CLI, runCli } from './support/cli.js';
import { FAKE, FAKE_GCP_SERVICE_ACCOUNT } from './secrets/fake-tokens.js';

/** Every base64 value written into the fixture: the encoded form must not leak either. */
const ENCODED: string[] = [];
const b64 = (text: string): string => {
  const encoded = Buffer.from(text).toString('base64');
  ENCODED.push(encoded);
  return encoded;
};

/** Literal credentials under credential-like names (the name rules' territory). */
const PASSWORDS = {
  env: 'FakeEnvPassw0rd-redact',
  configMapKey: 'FakeConfigMapPassw0rd-redact',
  configMapLine: 'FakePropertiesPassw0rd-redact',
  binaryLine: 'FakeBinaryPassw0rd-redact',
  stringData: 'FakeStringDataPassw0rd-redact',
  secretData: 'FakeSecretDataPassw0rd-redact',
  urlPassword: 'FakeUrlPassw0rd-redact',
  argument: 'FakeArgumentPassw0rd-redact',
  separateArgument: 'FakeSeparateToken-redact',
  mysqlAttached: 'FakeMysqlPassw0rd-redact',
  scriptExport: 'FakeExportPassw0rd-redact',
  probeRedis: 'FakeRedisPassw0rd-redact',
  hookCurl: 'FakeCurlPassw0rd-redact',
  customResource: 'FakeCrPassw0rd-redact',
  helmParameter: 'FakeHelmParam-redact',
  annotation: 'FakeAnnotationToken-redact',
  lastApplied: 'FakeLastAppliedPassw0rd-redact',
  jaas: 'FakeJaasPassw0rd-redact',
};

const PEM_BODY = FAKE['private-key'].split('\n')[1]!;

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: leaky
  annotations:
    alerts.example.com/slack: ${FAKE['slack-webhook']}
    kubectl.kubernetes.io/last-applied-configuration: |
      ${JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'old' }, data: { token: b64(FAKE['gitlab-token']) } })}
spec:
  containers:
    - name: app
      image: example.com/app:1.0
      args:
        - --github-token=${FAKE['github-token']}
        - --hf=${FAKE['hugging-face-token']}
      env:
        - name: DB_PASSWORD
          value: ${PASSWORDS.env}
        - name: AWS_ACCESS_KEY_ID
          value: ${FAKE['aws-access-key-id']}
        - name: AWS_SECRET_ACCESS_KEY
          value: ${FAKE['aws-secret-access-key']}
        - name: DATABASE_URL
          value: postgres://app:${PASSWORDS.urlPassword}@db:5432/app
        - { name: STRIPE_KEY, value: ${FAKE['stripe-secret-key']} }
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: ${b64(PASSWORDS.secretData)}
  google: ${b64(FAKE['google-api-key'])}
  key.json: ${b64(FAKE_GCP_SERVICE_ACCOUNT)}
stringData:
  session: ${FAKE.jwt}
  other: ${PASSWORDS.stringData}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  DB_PASSWORD: ${PASSWORDS.configMapKey}
  app.properties: |
    db.password=${PASSWORDS.configMapLine}
    sendgrid=${FAKE['sendgrid-api-key']}
  tls.key: |
${FAKE['private-key'].split('\n').map((line) => `    ${line}`).join('\n')}
binaryData:
  legacy.properties: ${b64(`db.password=${PASSWORDS.binaryLine}\nnpm=${FAKE['npm-token']}\n`)}
---
apiVersion: v1
kind: Pod
metadata:
  name: tools
  annotations:
    example.com/bootstrap-token: ${PASSWORDS.annotation}
    kubectl.kubernetes.io/last-applied-configuration: |
      ${JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tools' }, spec: { containers: [{ name: 'db', env: [{ name: 'DB_PASSWORD', value: PASSWORDS.lastApplied }] }] } })}
spec:
  containers:
    - name: db
      image: example.com/mysql:8.0
      command: ["mysql"]
      args:
        - -p${PASSWORDS.mysqlAttached}
        - --db-password=${PASSWORDS.argument}
        - --api-token
        - ${PASSWORDS.separateArgument}
      lifecycle:
        postStart:
          exec:
            command: ["sh", "-c", "curl -u admin:${PASSWORDS.hookCurl} https://api.example.com/ready"]
      livenessProbe:
        exec:
          command: [redis-cli, -a, ${PASSWORDS.probeRedis}, ping]
    - name: script
      image: example.com/tools:1.0
      command:
        - /bin/sh
        - -c
        - |
          export ADMIN_PASSWORD=${PASSWORDS.scriptExport}
          exec /app/run
---
apiVersion: platform.confluent.io/v1beta1
kind: Connect
metadata:
  name: connect
spec:
  configOverrides:
    server:
      - sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="connect" password="${PASSWORDS.jaas}";
  dependencies:
    schemaRegistry:
      authentication:
        basic:
          username: connect
          password: ${PASSWORDS.customResource}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: grafana
spec:
  source:
    helm:
      parameters:
        - name: adminPassword
          value: ${PASSWORDS.helmParameter}
`;

/** The sensitive part of each value: what must never be printed, nor its start, nor its base64. */
const SECRETS: string[] = [
  ...Object.values(PASSWORDS),
  FAKE['slack-webhook'].split('/').at(-1)!,
  FAKE['gitlab-token'],
  FAKE['github-token'],
  FAKE['hugging-face-token'],
  FAKE['aws-access-key-id'],
  FAKE['aws-secret-access-key'],
  FAKE['stripe-secret-key'],
  FAKE['google-api-key'],
  FAKE.jwt,
  FAKE['sendgrid-api-key'],
  FAKE['npm-token'],
  PEM_BODY,
  FAKE_GCP_SERVICE_ACCOUNT,
];

function needles(): string[] {
  const out = new Set<string>();
  for (const secret of [...SECRETS, ...ENCODED]) {
    out.add(secret);
    out.add(secret.slice(0, 8));
    // Not b64(): that records the value as written into the fixture, and each call would grow the list.
    out.add(Buffer.from(secret).toString('base64'));
    // JSON output escapes `/` never, but `"` and `\n` yes: look for the escaped form too.
    out.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...out];
}

function assertNoSecret(output: string, label: string): void {
  for (const needle of needles()) {
    assert.ok(!output.includes(needle), `${label}: output contains ${JSON.stringify(needle.slice(0, 4))}… of a secret`);
  }
}

const SECRET_RULES = ['hardcoded-credential-pattern', 'plaintext-secret-object', 'secret-in-configmap', 'secret-in-env-literal'];

describe('secrets never leak into reports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-redaction-'));
  const file = path.join(dir, 'leaky.yaml');
  writeFileSync(file, MANIFEST);
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the fixture really holds the secrets (the test would be empty otherwise)', () => {
    const decoded = ENCODED.map((encoded) => Buffer.from(encoded, 'base64').toString('utf8')).join('\n');
    const written = `${MANIFEST}\n${decoded}`;
    for (const secret of SECRETS) {
      const present = written.includes(secret) || written.includes(JSON.stringify(secret).slice(1, -1));
      assert.ok(present, `fixture lacks ${secret.slice(0, 4)}…`);
    }
  });

  test('the check catches a leak: it fails on the fixture itself and on a decoded value', () => {
    assert.throws(() => assertNoSecret(MANIFEST, 'fixture'));
    assert.throws(() => assertNoSecret(`value: ${PASSWORDS.binaryLine.slice(0, 8)}`, 'prefix'));
  });

  test('lint() result, every field, as JSON', async () => {
    const result = await lint({ paths: [file], cwd: dir, presets: ['all'] });
    const ids = new Set(result.findings.map((finding) => finding.ruleId));
    for (const id of SECRET_RULES) assert.ok(ids.has(id), `no ${id} finding: the fixture no longer exercises it`);
    const hardcoded = result.findings.filter((finding) => finding.ruleId === 'hardcoded-credential-pattern');
    assert.ok(hardcoded.length >= 12, `only ${hardcoded.length} hardcoded-credential-pattern findings`);
    assertNoSecret(JSON.stringify(result), 'lint()');
  });

  const cliBuilt = existsSync(CLI);
  for (const format of FORMATS) {
    test(`kmlint --format ${format}`, { skip: cliBuilt ? false : 'dist/cli.js not built (npm run build)' }, () => {
      const run = runCli(['--preset', 'all', '--format', format, 'leaky.yaml'], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
      for (const id of SECRET_RULES) assert.ok(run.stdout.includes(id), `${format}: no ${id} finding (is dist/ up to date?)`);
      assertNoSecret(run.stdout, `--format ${format}`);
      assertNoSecret(run.stderr, `--format ${format} (stderr)`);
    });
  }
});
