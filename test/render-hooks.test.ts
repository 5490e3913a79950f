/** Rendering from the pre-commit hook and the GitHub Action: what they pass through, and what a changed file re-renders. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { InputError, readInputs } from '../src/action/inputs.js';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const RENDER = path.join(REPO_ROOT, 'test', 'manifests', 'render');
const STAND_IN_PATH = `${path.join(REPO_ROOT, 'test', 'support', 'helm-stand-in')}${path.delimiter}${process.env.PATH ?? ''}`;
const skip = process.platform !== 'win32' && spawnSync('kubectl', ['version', '--client']).status === 0 ? false : 'needs kubectl and a shell for the helm stand-in';

function overlaysNamed(args: string[]): string[] {
  const run = runCli(['--format', 'json', ...args], { cwd: RENDER, env: { PATH: STAND_IN_PATH } });
  const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  return [...new Set(findings.map((finding) => /\[(.*)\]$/.exec(finding.message)?.[1] ?? finding.file))].sort();
}

test('the kmlint-render hook passes chart templates and renders what the staged files feed', () => {
  const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files?: string; exclude?: string }[];
  const hook = hooks.find((candidate) => candidate.id === 'kmlint-render');
  assert.equal(hook?.entry, 'kmlint --render');
  assert.equal(hook.exclude, undefined);
  assert.match('charts/web/templates/_helpers.tpl', new RegExp(hook.files!));
});

test('a changed base re-renders every overlay built on it, and nothing else', { skip }, () => {
  assert.deepEqual(overlaysNamed(['--render', 'kustomize/base/service.yaml']), ['overlay kustomize/overlays/prod', 'overlay kustomize/overlays/staging']);
});

test('a changed patch re-renders its overlay only', { skip }, () => {
  assert.deepEqual(overlaysNamed(['--render', 'kustomize/overlays/prod/debug-sidecar.yaml']), ['overlay kustomize/overlays/prod']);
});

test('a changed chart template re-renders its chart', { skip }, () => {
  assert.deepEqual(overlaysNamed(['--render', 'helm/broken/templates/service.yaml']), ['helm/broken/Chart.yaml']);
});

test('the Action reads its render inputs like the command-line flags', () => {
  const inputs: Record<string, string> = { render: 'true', kustomize: 'overlays/prod\noverlays/staging', helm: 'charts/web', values: 'charts/web/values-prod.yaml', set: 'image.tag=1.2\nreplicas=3\n' };
  const read = readInputs((name) => inputs[name] ?? '');
  assert.deepEqual(read.render, { render: true, kustomize: ['overlays/prod', 'overlays/staging'], helm: ['charts/web'], values: ['charts/web/values-prod.yaml'], set: ['image.tag=1.2', 'replicas=3'] });
  assert.throws(() => readInputs((name) => (name === 'render' ? 'yes' : '')), InputError);
});
