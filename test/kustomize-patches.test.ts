/**
 * Patches written inside a kustomization and JSON 6902 patches, rendered with the real `kubectl kustomize`:
 * each finding on a field a patch wrote points where that field is written, in the kustomization's own lines
 * for inline patches, inside the operation's value for JSON patches.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'manifests', 'render', 'patches');
const skip = spawnSync('kubectl', ['version', '--client']).status === 0 ? false : 'kubectl is not installed: kustomize rendering is tested with the real tool';

function findings(overlay: string): Finding[] {
  const run = runCli(['--format', 'json', '--kustomize', overlay], { cwd: FIXTURE });
  assert.equal(run.status, 1, run.stderr);
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

/** The text a finding's region starts at, read from the file it names. */
function textAt(finding: Finding | undefined): string {
  assert.ok(finding, 'no such finding');
  const line = readFileSync(path.join(FIXTURE, finding.file), 'utf8').split('\n')[finding.region.startLine - 1]!;
  return line.slice(finding.region.startColumn - 1);
}

function byRule(all: readonly Finding[], ruleId: string): Finding | undefined {
  return all.find((finding) => finding.ruleId === ruleId);
}

test('inline patches point inside the kustomization: literal blocks and one-line quoted JSON patches exactly', { skip }, () => {
  const all = findings('overlays/inline');
  const at = (ruleId: string): [string, number, number, boolean] => {
    const finding = byRule(all, ruleId)!;
    return [finding.file, finding.region.startLine, finding.region.startColumn, finding.approximate === true];
  };
  // `patches: - patch: |-` strategic merge.
  assert.deepEqual(at('host-network'), ['overlays/inline/kustomization.yaml', 15, 13, false]);
  assert.match(textAt(byRule(all, 'host-network')), /^hostNetwork: true$/);
  // `patches:` with a target and a JSON patch in a literal block: the operation's value.
  assert.deepEqual(at('privileged-container'), ['overlays/inline/kustomization.yaml', 23, 9, false]);
  assert.match(textAt(byRule(all, 'privileged-container')), /^value: true$/);
  // Single-quoted and double-quoted one-line patches: the column inside the quotes, escapes counted.
  assert.match(textAt(byRule(all, 'host-pid')), /^"value": true\}\]'$/);
  assert.match(textAt(byRule(all, 'apparmor-unconfined')), /^\\"value\\": \\"unconfined\\"/);
  // An inline `patchesStrategicMerge` string.
  assert.deepEqual(at('host-ipc'), ['overlays/inline/kustomization.yaml', 43, 11, false]);
  assert.match(textAt(byRule(all, 'host-ipc')), /^hostIPC: true$/);
  // A folded scalar cannot be mapped column by column: its `patch:` key, marked approximate.
  assert.deepEqual(at('host-port'), ['overlays/inline/kustomization.yaml', 31, 5, true]);
  assert.match(textAt(byRule(all, 'host-port')), /^patch: >-$/);
  // The rendered position stays a related location.
  assert.equal(byRule(all, 'host-network')!.related?.[0]?.file, 'overlays/inline (kustomize build)');
});

test('JSON 6902 operations: the field inside the value, an appended item by `-`, a replaced ancestor', { skip }, () => {
  const all = findings('overlays/json');
  // `add` at `containers/-`: the appended debug container's privileged flag inside the value.
  const privileged = byRule(all, 'privileged-container');
  assert.equal(privileged?.file, 'overlays/json/debug-container.yaml');
  assert.deepEqual([privileged!.region.startLine, privileged!.region.startColumn], [8, 7]);
  // `replace` of a container's securityContext in a JSON file: the key inside the object value.
  const escalation = all.find((finding) => finding.ruleId === 'privilege-escalation-allowed' && finding.file === 'overlays/json/relax.json');
  assert.match(textAt(escalation), /^"allowPrivilegeEscalation": true/);
  // `add` of a scalar: the value itself.
  const hostNetwork = byRule(all, 'host-network');
  assert.equal(hostNetwork?.file, 'overlays/json/relax.json');
  assert.match(textAt(hostNetwork), /^"value": true/);
  // A field the rule reports missing from the appended container: inside that operation's value, not the base.
  const readOnly = all.filter((finding) => finding.ruleId === 'missing-read-only-root-fs');
  assert.deepEqual(readOnly.map((finding) => finding.file), ['overlays/json/debug-container.yaml']);
  assert.ok(readOnly[0]!.region.startLine >= 4, 'inside the value');
  // The first container, untouched by the `-` append, still maps to the base file.
  assert.ok(all.some((finding) => finding.ruleId === 'missing-liveness-probe' && finding.file === 'base/deployment.yaml'));
});
