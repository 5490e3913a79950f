/**
 * Start-up of a run on named files inside a repository (a pre-commit hook): the repository's tracked
 * manifests are indexed as context only when a cross-object check is waiting for them, and a file named from
 * a subfolder still sees the manifests of the whole repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from './support/shared.js';
import { runCli } from './support/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'manifests', 'startup');
let repo = '';

before(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'kmlint-startup-'));
  await mkdir(path.join(repo, 'apps', 'web'), { recursive: true });
  await copyFile(path.join(FIXTURES, 'deployment.yaml'), path.join(repo, 'deployment.yaml'));
  await copyFile(path.join(FIXTURES, 'service.yaml'), path.join(repo, 'apps', 'web', 'service.yaml'));
  await copyFile(path.join(FIXTURES, 'settings.yaml'), path.join(repo, 'apps', 'web', 'settings.yaml'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['add', '.'], { cwd: repo });
});
after(() => rm(repo, { recursive: true, force: true }));

/** The stage names `--stats` printed (the lines under "time per stage"). */
function stages(stderr: string): string[] {
  const lines = stderr.split('\n');
  const start = lines.findIndex((line) => line.startsWith('kmlint: time per stage'));
  assert.notEqual(start, -1, stderr);
  const end = lines.findIndex((line, at) => at > start && line.startsWith('kmlint:'));
  return lines.slice(start + 1, end).map((line) => line.trim().split(/\s+/)[0]!);
}

function findingsOf(stdout: string, ruleId: string): unknown[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.filter((finding) => finding.ruleId === ruleId);
}

describe('the context of a run on named files', () => {
  test('no cross-object check waiting: the repository is not indexed', () => {
    const run = runCli(['--stats', '--rule', 'duplicate-resource: off', '--format', 'json', 'settings.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!stages(run.stderr).includes('context'), run.stderr);
    assert.ok(stages(run.stderr).includes('parse'), run.stderr);
  });

  test('a check waiting: the context is indexed, from the top of the repository though the file is in a subfolder', () => {
    const run = runCli(['--stats', '--complete', '--format', 'json', 'service.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.ok(stages(run.stderr).includes('context'), run.stderr);
    // With --complete a Service without pods is dangling: the Deployment at the top of the repository answers it.
    assert.deepEqual(findingsOf(run.stdout, 'dangling-service'), []);
  });

  test('--no-context, with --complete: the Service alone is judged, and its pods are missing', () => {
    const run = runCli(['--no-context', '--complete', '--format', 'json', 'service.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.equal(findingsOf(run.stdout, 'dangling-service').length, 1, run.stdout);
  });
});
