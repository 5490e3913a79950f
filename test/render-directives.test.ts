/**
 * Comment directives in base and patch files still work once kustomize has rendered them (it drops comments):
 * the finding is mapped back to the file first, then that file's directives apply, with the real `kubectl`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'manifests', 'render', 'directives');
const skip = spawnSync('kubectl', ['version', '--client']).status === 0 ? false : 'kubectl is not installed: kustomize rendering is tested with the real tool';

test('directives in a shared base and in a patch suppress the mapped findings of every overlay; an unused one is reported once', { skip }, () => {
  const run = runCli(['--format', 'json', '--render', '.'], { cwd: FIXTURE });
  const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  const hostPath = findings.filter((finding) => finding.ruleId === 'host-path-volume');
  assert.deepEqual(
    hostPath.map((finding) => [finding.message.replace(/^.*\[/, '['), finding.suppression?.at]),
    [
      ['[overlay overlays/east]', 'base/deployment.yaml:20:9'],
      ['[overlay overlays/west]', 'base/deployment.yaml:20:9'],
    ],
  );
  const privileged = findings.find((finding) => finding.ruleId === 'privileged-container');
  assert.equal(privileged?.suppression?.at, 'overlays/east/privileged.yaml:11:13');
  const unused = findings.filter((finding) => finding.ruleId === 'unused-suppression');
  assert.deepEqual(unused.map((finding) => `${finding.file}:${finding.region.startLine}:${finding.region.startColumn}`), ['base/deployment.yaml:14:7']);
  // What is left unsuppressed still fails the run.
  assert.equal(run.status, 1);
});
