/**
 * Helm charts rendered on the fly. helm cannot be installed on the development machines: these tests put a
 * STAND-IN for `helm template` on PATH (test/support/helm-stand-in/), which renders the fixture charts the way
 * helm does where kmlint depends on it (values precedence, `# Source:` layout, failures on stderr).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';
import { FAKE } from './secrets/fake-tokens.js';

const RENDER = path.join(REPO_ROOT, 'test', 'manifests', 'render');
const FIXTURE = path.join(RENDER, 'helm');
const STAND_IN_PATH = `${path.join(REPO_ROOT, 'test', 'support', 'helm-stand-in')}${path.delimiter}${process.env.PATH ?? ''}`;
const skip = process.platform === 'win32' ? 'the helm stand-in is a shell script' : false;
const withKubectl = skip || (spawnSync('kubectl', ['version', '--client']).status === 0 ? false : 'kubectl is not installed: the configuration renders an overlay too');

function json(args: string[], cwd = FIXTURE): { status: number | null; findings: Finding[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args], { cwd, env: { PATH: STAND_IN_PATH } });
  assert.ok(run.stdout.startsWith('{'), run.stderr);
  return { status: run.status, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings, stderr: run.stderr };
}

function where(finding: Finding | { file: string; region: Finding['region'] } | undefined): string {
  return finding ? `${finding.file}:${finding.region.startLine}:${finding.region.startColumn}` : 'nothing';
}

test('each values set of a matrix is rendered and linted; the template and the values file line are named', { skip }, () => {
  const { status, findings } = json(['--helm', 'web', '--values-set', 'prod=web/values-prod.yaml', '--values-set', 'staging=web/values-staging.yaml']);
  assert.equal(status, 1);
  // The prod values turn on the host network and a privileged container; the staging values do not.
  const risky = findings.filter((finding) => finding.ruleId === 'host-network' || finding.ruleId === 'privileged-container');
  assert.ok(risky.length >= 2 && risky.every((finding) => finding.message.endsWith('[values prod]')), 'only the prod values render those');
  assert.ok(findings.some((finding) => finding.message.endsWith('[values staging]')), 'the staging values are linted too');
  const hostNetwork = findings.find((finding) => finding.ruleId === 'host-network');
  assert.equal(where(hostNetwork), 'web/templates/deployment.yaml:15:7');
  assert.equal(hostNetwork?.helmTemplate, 'web/templates/deployment.yaml');
  assert.equal(where(hostNetwork?.related?.[0]), 'web (helm template prod):17:7');
  assert.equal(where(hostNetwork?.related?.[1]), 'web/values-prod.yaml:2:1');
  // A block inserted with toYaml: the key path continues inside the values file.
  const privileged = findings.find((finding) => finding.ruleId === 'privileged-container');
  assert.equal(where(privileged?.related?.[1]), 'web/values-prod.yaml:4:3');
});

test('a value given with --set has no values file line; release name and namespace reach the chart', { skip }, () => {
  const { findings } = json(['--helm', 'web', '--set', 'hostNetwork=true', '--release', 'shop', '--namespace', 'shop']);
  const hostNetwork = findings.find((finding) => finding.ruleId === 'host-network');
  assert.ok(hostNetwork);
  assert.equal(hostNetwork.related?.length, 1, 'only the rendered line');
  assert.deepEqual(hostNetwork.object, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'shop-web' });
});

test('a chart that fails to render is a finding at its Chart.yaml with helm\'s message; the run goes on', { skip }, () => {
  const { status, findings } = json(['--helm', 'broken', '--helm', 'web', '--set', 'hostNetwork=true']);
  assert.equal(status, 1);
  const failed = findings.find((finding) => finding.ruleId === 'render-failed');
  assert.equal(where(failed), 'broken/Chart.yaml:1:1');
  assert.equal(failed?.message, 'helm template failed: parse error at (broken/templates/service.yaml:4): function "include" not defined');
  assert.ok(findings.some((finding) => finding.ruleId === 'host-network'));
});

test('--helm without helm installed says so and exits 2', () => {
  const run = runCli(['--helm', 'web'], { cwd: FIXTURE, env: { PATH: mkdtempSync(path.join(tmpdir(), 'kmlint-no-helm-')) } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--helm web needs helm on PATH, and it is not installed/);
  assert.equal(run.stdout, '');
});

test('render: in the configuration renders its overlays and chart values sets without paths on the command line', { skip: withKubectl }, () => {
  const { findings } = json(['--config', 'kmlint-render.yaml'], RENDER);
  const named = findings.map((finding) => finding.message.replace(/^.*\[/, '[')).sort();
  assert.deepEqual([...new Set(named)], ['[overlay kustomize/overlays/staging]', '[values prod]']);
  assert.ok(findings.some((finding) => finding.object?.name === 'shop-web' && finding.object.namespace === 'shop'));
});

test('a file named on its own (pre-commit) re-renders the configured targets that read it, and only those', { skip: withKubectl }, () => {
  const { findings } = json(['--config', 'kmlint-render.yaml', 'kustomize/base/deployment.yaml'], RENDER);
  assert.deepEqual([...new Set(findings.map((finding) => finding.message.replace(/^.*\[/, '[')))], ['[overlay kustomize/overlays/staging]']);
  assert.ok(findings.every((finding) => finding.file !== 'kustomize/base/deployment.yaml' || finding.related?.length));
});

test('a render: entry without a chart is a configuration error at its line', () => {
  const run = runCli(['--config', 'kmlint-render-invalid.yaml'], { cwd: RENDER });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /kmlint-render-invalid\.yaml:3:\d+/);
  assert.match(run.stderr, /chart/);
});

test('a chart whose `fail` quotes a credential from its values: the render-failed message masks it in every format', { skip }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kmlint-helm-secret-'));
  try {
    // Fake credentials, written at test time: none is live.
    const password = 'FakeChartPassw0rd-redact';
    mkdirSync(path.join(root, 'db', 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'db', 'Chart.yaml'), 'apiVersion: v2\nname: db\nversion: 0.1.0\n');
    writeFileSync(path.join(root, 'db', 'values.yaml'), `auth:\n  password: ${password}\n  token: ${FAKE['github-token']}\n`);
    writeFileSync(path.join(root, 'db', 'templates', 'check.yaml'), '{{ fail .Values.auth.password }}\n');
    writeFileSync(path.join(root, 'db', 'templates', 'token.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  note: {{ .Values.auth.token }}\n');
    const { status, findings } = json(['--helm', 'db'], root);
    assert.equal(status, 1);
    const failed = findings.find((finding) => finding.ruleId === 'render-failed');
    assert.equal(where(failed), 'db/Chart.yaml:1:1');
    assert.match(failed?.message ?? '', /^helm template failed: execution error at \(db\/templates\/check\.yaml:1\): \*+/);
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['--helm', 'db', '--format', format], { cwd: root, env: { PATH: STAND_IN_PATH } });
      const output = `${run.stdout}${run.stderr}`;
      assert.ok(!output.includes(password), `${format}: the chart's value is masked`);
      assert.ok(!output.includes(password.slice(0, 8)), `${format}: not even its first characters`);
      assert.ok(!output.includes(FAKE['github-token']), `${format}: a token in the values is masked too`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
