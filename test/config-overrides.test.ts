/** `overrides` in the config file: levels by file glob, kind and namespace, validated at their line. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveOverrides, type Override } from '../src/config/overrides.js';
import { runCli } from './support/cli.js';

const DIR = path.resolve(import.meta.dirname, 'manifests', 'config', 'overrides');

/** The rules the overrides of the fixture name; other rules' findings are not this test's concern. */
const NAMED = new Set(['host-network', 'privileged-container', 'privilege-escalation-allowed', 'missing-cpu-limit']);

function findings(run: { stdout: string }): string[] {
  const report = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; level: string; region: { startLine: number } }[] };
  return report.findings.filter((finding) => NAMED.has(finding.ruleId)).map((finding) => `${finding.file}:${finding.region.startLine} ${finding.ruleId} ${finding.level}`).sort();
}

describe('config overrides', () => {
  test('levels change per file glob, kind and namespace; a rule turned on by an override stays in its scope', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: DIR });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(findings(run), [
      // The DaemonSet in kube-system may use the host network; the same one in "apps" may not.
      'agents.yaml:34 host-network error',
      'app.yaml:11 privileged-container error',
      'app.yaml:12 privilege-escalation-allowed error',
      'legacy/app.yaml:11 privileged-container warning',
      'legacy/app.yaml:12 privilege-escalation-allowed error',
      // missing-cpu-limit is only in the `all` preset: the override turns it on for prod/ alone.
      'prod/app.yaml:11 privileged-container error',
      'prod/app.yaml:12 privilege-escalation-allowed error',
      'prod/app.yaml:16 missing-cpu-limit error',
    ]);
  });

  test('mistakes are reported at their line and column, with a did-you-mean', () => {
    const run = runCli(['app.yaml'], { cwd: path.join(DIR, '..', 'overrides-typo') });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.deepEqual(run.stderr.trim().split('\n'), [
      '.kmlint.yaml:4:7: unknown rule "privileged-contianer" (did you mean "privileged-container"?)',
      '.kmlint.yaml:5:5: overrides[1] needs at least one of files, kinds, namespaces; for every file, use the top-level rules',
      '.kmlint.yaml:9:17: overrides[2].rules.host-ipc must be one of off, note, warning, error, not "disabled"',
    ]);
  });

  test('the resolver: every selector given must match, later entries win', () => {
    const overrides: Override[] = [
      { files: ['deploy/**'], rules: { 'host-pid': 'warning', 'host-ipc': 'off' }, origin: 'a' },
      { files: ['*.yaml'], kinds: ['Deploy*'], rules: { 'host-pid': 'note' }, origin: 'b' },
      { namespaces: ['kube-*'], rules: { 'host-ipc': 'error' }, origin: 'c' },
    ];
    const where = { cwd: '/repo', configDir: '/repo' };
    const levels = (file: string, kind?: string, namespace?: string) =>
      Object.fromEntries([...resolveOverrides(overrides, { file, kind, namespace }, where)].map(([id, override]) => [id, override.level]));
    assert.deepEqual(levels('deploy/a.yaml', 'Pod'), { 'host-pid': 'warning', 'host-ipc': 'off' });
    assert.deepEqual(levels('deploy/a.yaml', 'Deployment'), { 'host-pid': 'note', 'host-ipc': 'off' });
    assert.deepEqual(levels('deploy/a.yaml', 'Deployment', 'kube-system'), { 'host-pid': 'note', 'host-ipc': 'error' });
    assert.deepEqual(levels('other/a.json', 'Deployment'), {});
    // File globs are relative to the config file's folder, whatever the working directory.
    assert.deepEqual(levels('a.yaml', 'Pod'), {});
    const below = { cwd: '/repo/deploy', configDir: '/repo' };
    assert.equal(resolveOverrides(overrides, { file: 'a.yaml' }, below).get('host-pid')?.level, 'warning');
  });

  test('--print-config shows the rules for a file, their levels and where each came from', () => {
    const run = runCli(['--print-config', 'legacy/app.yaml', '--rule', 'host-pid: warning'], { cwd: DIR });
    assert.equal(run.status, 0, run.stderr);
    const config = JSON.parse(run.stdout);
    assert.equal(config.configFile, '.kmlint.yaml');
    assert.deepEqual(config.rules['privileged-container'].from, ['overrides at .kmlint.yaml:5:5', 'preset recommended (default)']);
    assert.equal(config.rules['privileged-container'].level, 'warning');
    assert.deepEqual(config.rules['host-pid'], { level: 'warning', options: {}, from: ['--rule', 'preset recommended (default)'] });
    assert.equal(config.rules['missing-read-only-root-fs'], undefined, 'turned off in the config');
    assert.equal(config.rules['missing-cpu-limit'], undefined, 'only prod/ turns it on');
    assert.deepEqual(config.overridesByObject, [{ origin: '.kmlint.yaml:8:5', kinds: ['DaemonSet'], namespaces: ['kube-*'], rules: { 'host-network': 'off' } }]);
  });
});

describe('rule options in overrides', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{ name: c, image: nginx:1.27 }]\n  volumes:\n    - name: logs\n      hostPath: { path: /var/log/pods }\n';

  test('an entry that selects files gives their rules its options, merged over the run options', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-override-options-'));
    mkdirSync(path.join(dir, 'agents'));
    writeFileSync(path.join(dir, 'agents', 'shipper.yaml'), pod);
    writeFileSync(path.join(dir, 'app.yaml'), pod);
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'overrides:\n  - files: ["agents/**"]\n    rules:\n      host-path-volume: [error, { allowedPaths: [/var/log] }]\n');
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    const files = JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'host-path-volume').map((finding: { file: string }) => finding.file);
    assert.deepEqual(files, ['app.yaml'], run.stderr);
    const printed = JSON.parse(runCli(['--print-config', 'agents/shipper.yaml'], { cwd: dir }).stdout);
    assert.deepEqual(printed.rules['host-path-volume'].options, { allowedPaths: ['/var/log'] });
    assert.match(printed.rules['host-path-volume'].from[0], /^overrides at \.kmlint\.yaml:2:5$/);
  });

  test('options in an entry that selects kinds or namespaces are a configuration error at their line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-override-options-'));
    writeFileSync(path.join(dir, 'app.yaml'), pod);
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'overrides:\n  - kinds: [Pod]\n    rules:\n      host-path-volume: [error, { allowedPaths: [/var/log] }]\n');
    const run = runCli(['app.yaml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^\.kmlint\.yaml:4:25: overrides\[0\]\.rules\.host-path-volume gives options, which only an entry that selects by files alone may do/m);
  });
});
