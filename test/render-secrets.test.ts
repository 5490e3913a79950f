/**
 * Rendering never leaks a credential: not in a renderer's error message, not in the kustomization lines a
 * generated Secret points back to. The kustomizations are written at test time from fake credentials (none is
 * live), and every output format is searched for them, with the real `kubectl kustomize`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { FAKE } from './secrets/fake-tokens.js';

const skip = spawnSync('kubectl', ['version', '--client']).status === 0 ? false : 'kubectl is not installed: kustomize rendering is tested with the real tool';
const ROOT = mkdtempSync(path.join(tmpdir(), 'kmlint-render-secrets-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

const LITERAL_PASSWORD = 'FakeLiteralPassw0rd-redact';
const ENV_PASSWORD = 'FakeEnvFilePassw0rd-redact';
const PLAIN_VALUE = 'FakePlainLiteralValue-redact';

function write(relative: string, text: string): void {
  const file = path.join(ROOT, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

// A literal without `=` makes kustomize fail, quoting every literal of the generator.
write(
  'broken/kustomization.yaml',
  `secretGenerator:
  - name: creds
    literals:
      - ${FAKE['github-token']}
      - db_password ${LITERAL_PASSWORD}
`,
);

function outputs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const format of ['text', 'json', 'sarif']) {
    const run = runCli(['--format', format, ...args], { cwd: ROOT });
    out[format] = run.stdout + run.stderr;
  }
  return out;
}

function assertNoLeak(out: Record<string, string>, secrets: readonly string[]): void {
  for (const [format, text] of Object.entries(out)) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `${format} output quotes ${secret}`);
      assert.ok(!text.includes(secret.slice(0, 8)), `${format} output quotes the start of ${secret}`);
      assert.ok(!text.includes(Buffer.from(secret).toString('base64')), `${format} output quotes ${secret} in base64`);
    }
  }
}

test('a render failure that quotes a secretGenerator literal is masked in text, JSON and SARIF', { skip }, () => {
  const run = runCli(['--format', 'json', '--kustomize', 'broken'], { cwd: ROOT });
  assert.equal(run.status, 1);
  const failed = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.find((finding) => finding.ruleId === 'render-failed');
  // The message still says what went wrong.
  assert.match(failed?.message ?? '', /^kubectl kustomize failed: .*invalid literal source .*expected key=value/);
  assert.match(failed!.message, /\*\*\*\*/);
  assertNoLeak(outputs(['--kustomize', 'broken']), [FAKE['github-token'], LITERAL_PASSWORD]);
});

const CONFIG_PASSWORD = 'FakeConfigPassw0rd-redact';
const ENV_TOKEN = 'FakeEnvTokenValue-redact';
const PROPERTIES_PASSWORD = 'FakePropsPassw0rd-redact';

write(
  'generators/kustomization.yaml',
  `configMapGenerator:
  - name: app-config
    literals:
      - LOG_LEVEL=debug
      - DB_PASSWORD=${CONFIG_PASSWORD}
    envs:
      - app.env
    files:
      - settings.properties
secretGenerator:
  - name: creds
    literals:
      - github=${FAKE['github-token']}
      - plain=${PLAIN_VALUE}
    envs:
      - creds.env
`,
);
write('generators/app.env', `# application settings\nMODE=prod\nAPI_TOKEN=${ENV_TOKEN}\n`);
write('generators/settings.properties', `password=${PROPERTIES_PASSWORD}\n`);
write('generators/creds.env', `DB_PASSWORD=${ENV_PASSWORD}\n`);

test('findings on generated objects point at the generator entry that wrote them, its literal, file or env line', { skip }, () => {
  const run = runCli(['--format', 'json', '--preset', 'all', '--kustomize', 'generators'], { cwd: ROOT });
  const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  const at = (ruleId: string, key: string): string => {
    const finding = findings.find((candidate) => candidate.ruleId === ruleId && candidate.message.includes(key));
    return finding ? `${finding.file}:${finding.region.startLine}:${finding.region.startColumn}` : `no ${ruleId} on ${key}`;
  };
  // A literal: its list item. An env file: the KEY= line of that file. A file: its `files:` entry.
  assert.equal(at('secret-in-configmap', '"DB_PASSWORD"'), 'generators/kustomization.yaml:5:9');
  assert.equal(at('secret-in-configmap', '"API_TOKEN"'), 'generators/app.env:3:1');
  assert.equal(at('secret-in-configmap', 'settings.properties'), 'generators/kustomization.yaml:9:9');
  assert.equal(at('hardcoded-credential-pattern', 'data.github'), 'generators/kustomization.yaml:13:9');
  // A finding on the object as a whole: the generator's entry, whatever hash suffix the name got.
  assert.equal(at('plaintext-secret-object', 'Secret "creds-'), 'generators/kustomization.yaml:11:5');
});

test('generator values never leak: literals, env files and files of generators, in text, JSON and SARIF', { skip }, () => {
  const out = outputs(['--preset', 'all', '--kustomize', 'generators']);
  // The text format prints the kustomization and env file lines the findings point at.
  assert.match(out.text!, /\| {7}- DB_PASSWORD=\*+/);
  assert.match(out.text!, /\| API_TOKEN=\*+/);
  assertNoLeak(out, [CONFIG_PASSWORD, ENV_TOKEN, PROPERTIES_PASSWORD, FAKE['github-token'], PLAIN_VALUE, ENV_PASSWORD]);
});
