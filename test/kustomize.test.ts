/**
 * Kustomize overlays rendered on the fly with the real `kubectl kustomize`: findings at the base or patch a
 * person edits, the rendered line as a related location, each overlay named, render failures as findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'manifests', 'render', 'kustomize');
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const skip = kubectl.status === 0 ? false : 'kubectl is not installed: kustomize rendering is tested with the real tool';

function json(args: string[]): { status: number | null; findings: Finding[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args], { cwd: FIXTURE });
  return { status: run.status, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings, stderr: run.stderr };
}

/** The 1-based line of `needle` in what `kubectl kustomize DIR` prints, without any help from kmlint. */
function plainRenderLine(dir: string, needle: string): number {
  const out = spawnSync('kubectl', ['kustomize', dir], { cwd: FIXTURE, encoding: 'utf8' }).stdout;
  return out.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    hash.update(name);
    try {
      hash.update(readFileSync(path.join(dir, name)));
    } catch {
      // a folder
    }
  }
  return hash.digest('hex');
}

test('a field set by an overlay patch is reported at the patch, the rendered line related, the overlay named', { skip }, () => {
  const before = treeHash(FIXTURE);
  const { status, findings } = json(['--kustomize', 'overlays/prod']);
  assert.equal(status, 1);
  const privileged = findings.find((finding) => finding.ruleId === 'privileged-container');
  assert.ok(privileged);
  assert.equal(privileged.file, 'overlays/prod/debug-sidecar.yaml');
  assert.deepEqual([privileged.region.startLine, privileged.region.startColumn], [12, 13]);
  assert.match(privileged.message, /\[overlay overlays\/prod\]$/);
  const rendered = privileged.related?.[0];
  assert.equal(rendered?.file, 'overlays/prod (kustomize build)');
  // The origin annotations are gone from what was linted: lines are those of a plain `kubectl kustomize`.
  assert.equal(rendered?.region.startLine, plainRenderLine('overlays/prod', 'privileged: true'));
  assert.equal(treeHash(FIXTURE), before, 'the user files are left as they were');
});

test('a base shared by two overlays reports its finding once per overlay, at the base file', { skip }, () => {
  const { findings } = json(['--kustomize', 'overlays/prod', '--kustomize', 'overlays/staging']);
  const hostPath = findings.filter((finding) => finding.ruleId === 'host-path-volume');
  assert.deepEqual(
    hostPath.map((finding) => [finding.file, finding.region.startLine, finding.region.startColumn, finding.message.replace(/^.*\[/, '[')]),
    [
      ['base/deployment.yaml', 33, 11, '[overlay overlays/prod]'],
      ['base/deployment.yaml', 33, 11, '[overlay overlays/staging]'],
    ],
  );
  assert.notEqual(hostPath[0]!.fingerprint, hostPath[1]!.fingerprint);
  assert.equal(hostPath[1]!.object?.namespace, 'staging');
});

test('an overlay that fails to render is a finding at its kustomization, and the run goes on', { skip }, () => {
  const { status, findings } = json(['--kustomize', 'overlays/broken', '--kustomize', 'overlays/staging']);
  assert.equal(status, 1);
  const failed = findings.find((finding) => finding.ruleId === 'render-failed');
  assert.equal(failed?.file, 'overlays/broken/kustomization.yaml');
  assert.deepEqual([failed?.region.startLine, failed?.region.startColumn], [1, 1]);
  assert.match(failed!.message, /^kubectl kustomize failed: .*missing-base/);
  assert.ok(findings.some((finding) => finding.ruleId === 'host-path-volume' && finding.message.endsWith('[overlay overlays/staging]')));
});

test('--render renders the overlays of a walk, not their shared base, and does not lint their files one by one', { skip }, () => {
  const { findings } = json(['--render', '.']);
  const hostPath = findings.filter((finding) => finding.ruleId === 'host-path-volume');
  assert.deepEqual(hostPath.map((finding) => finding.message.replace(/^.*\[/, '[')).sort(), ['[overlay overlays/prod]', '[overlay overlays/staging]']);
  assert.ok(findings.some((finding) => finding.ruleId === 'render-failed' && finding.file === 'overlays/broken/kustomization.yaml'));
});

test('SARIF names the overlay and carries the rendered line as a related location', { skip }, () => {
  const run = runCli(['--format', 'sarif', '--kustomize', 'overlays/prod'], { cwd: FIXTURE });
  const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { message: { text: string } }[] }[] }[] };
  assertValidSarif(log);
  const result = log.runs[0]!.results.find((candidate) => candidate.ruleId === 'privileged-container')!;
  assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'overlays/prod/debug-sidecar.yaml');
  assert.match(result.message.text, /overlay overlays\/prod/);
  assert.ok(result.relatedLocations?.some((related) => /overlay overlays\/prod renders it/.test(related.message.text)));
});

test('--kustomize on a folder without a kustomization is a usage error', () => {
  const run = runCli(['--kustomize', 'base/nothing-here'], { cwd: FIXTURE });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--kustomize base\/nothing-here: no kustomization\.yaml in that folder/);
});

test('cross-object rules run on the rendered set of an overlay: the Service selects the rendered Deployment', { skip }, () => {
  const { findings } = json(['--preset', 'all', '--kustomize', 'overlays/staging']);
  assert.ok(!findings.some((finding) => finding.ruleId === 'dangling-service'), 'the Service and its Deployment are rendered together');
  // The coverage rule relates every object of the rendered set: it reports at the base file a person edits.
  const coverage = findings.find((finding) => finding.ruleId === 'missing-network-policy');
  assert.equal(coverage?.file, 'base/deployment.yaml');
});
