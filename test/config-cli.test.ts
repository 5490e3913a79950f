/** Config, thresholds and suppressed findings as users meet them: the built CLI as a subprocess. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { exitCode } from '../src/engine/exit-code.js';
import type { Finding, Level } from '../src/types.js';
import { runCli } from './support/cli.js';

const MANIFESTS = path.resolve(import.meta.dirname, 'manifests');

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kmlint-config-cli-'));
}

describe('config errors on the command line', () => {
  test('printed as file:line:col: message on stderr, exit 2, nothing on stdout', () => {
    const run = runCli(['deploy.yaml'], { cwd: path.join(MANIFESTS, 'config', 'typo') });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines[0], '.kmlint.yaml:7:13: unknown rule "privileged-contianer" (did you mean "privileged-container"?)');
    assert.equal(lines.length, 7);
  });

  test('--config points at a file elsewhere, relative to the working directory', () => {
    const run = runCli(['--config', 'test/manifests/config/json-error/kmlint.config.json', 'test/manifests/suppressions/expiry.yaml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^test\/manifests\/config\/json-error\/kmlint\.config\.json:3:29: rules\.privileged-container must be one of/);
  });

  test('kmlint init writes a starter config that the next run loads, and refuses to overwrite it', () => {
    const dir = tempDir();
    cpSync(path.join(MANIFESTS, 'suppressions', 'helm-rendered.yaml'), path.join(dir, 'rendered.yaml'));
    assert.equal(runCli(['init'], { cwd: dir }).status, 0);
    assert.ok(readFileSync(path.join(dir, '.kmlint.yaml'), 'utf8').includes('extends: [recommended]'));
    const run = runCli(['rendered.yaml'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const again = runCli(['init'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /\.kmlint\.yaml already exists/);
  });
});

describe('thresholds', () => {
  function warningsOnly(): string {
    const dir = tempDir();
    // host-network set to warning in config: the only finding is a warning.
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'extends: []\nrules:\n  host-network: warning\n');
    writeFileSync(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n');
    return dir;
  }

  test('a warning passes by default, fails with --fail-on warning and with failOn in config', () => {
    const dir = warningsOnly();
    assert.equal(runCli(['pod.yaml'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--fail-on', 'warning', 'pod.yaml'], { cwd: dir }).status, 1);
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'extends: []\nrules:\n  host-network: warning\nfailOn: warning\n');
    assert.equal(runCli(['pod.yaml'], { cwd: dir }).status, 1);
    // The flag wins over the config.
    assert.equal(runCli(['--fail-on', 'error', 'pod.yaml'], { cwd: dir }).status, 0);
  });

  test('--max-warnings N fails with more than N warnings; a bad N is a usage error', () => {
    const dir = warningsOnly();
    assert.equal(runCli(['--max-warnings', '1', 'pod.yaml'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--max-warnings', '0', 'pod.yaml'], { cwd: dir }).status, 1);
    const bad = runCli(['--max-warnings', 'many', 'pod.yaml'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-warnings must be a whole number/);
  });
});

describe('suppressed findings are never silently lost', () => {
  const fixture = 'test/manifests/suppressions/annotations.yaml';

  test('text counts them, --show-suppressed lists them with source and reason', () => {
    const plain = runCli(['--no-code-frame', fixture]);
    assert.match(plain.stdout, /4 suppressed \(--show-suppressed lists them\)/);
    assert.ok(!plain.stdout.includes('injected by the mesh'));
    const shown = runCli(['--no-code-frame', '--show-suppressed', fixture]);
    assert.match(shown.stdout, /Container "istio-proxy" runs privileged\.\s+privileged-container \[suppressed by annotation: injected by the mesh\]/);
  });

  test('JSON keeps them with their suppression', () => {
    const report = JSON.parse(runCli(['--format', 'json', fixture]).stdout) as { findings: Finding[] };
    const sidecar = report.findings.find((finding) => finding.ruleId === 'privileged-container' && finding.message.includes('istio-proxy'));
    assert.deepEqual(sidecar?.suppression, { source: 'annotation', at: 'test/manifests/suppressions/annotations.yaml:41:9', reason: 'injected by the mesh' });
  });

  test('SARIF leaves them out by default; --sarif-include-suppressed gives every result a suppressions array', () => {
    type Sarif = { runs: { results: { ruleId: string; suppressions?: { kind: string; justification?: string }[] }[] }[] };
    const without = JSON.parse(runCli(['--format', 'sarif', fixture]).stdout) as Sarif;
    assert.ok(without.runs[0]!.results.every((result) => result.suppressions === undefined));
    const privileged = (sarif: Sarif) => sarif.runs[0]!.results.filter((result) => result.ruleId === 'privileged-container');
    assert.equal(privileged(without).length, 1);
    const withSuppressed = JSON.parse(runCli(['--format', 'sarif', '--sarif-include-suppressed', fixture]).stdout) as Sarif;
    const results = withSuppressed.runs[0]!.results;
    assert.ok(results.every((result) => Array.isArray(result.suppressions)), 'all-or-none: every result has the array');
    assert.equal(privileged(withSuppressed).length, 4);
    assert.equal(privileged(withSuppressed).filter((result) => result.suppressions!.length === 1).length, 3);
  });

  test('--no-inline-suppressions: the annotations no longer hide anything', () => {
    const run = runCli(['--format', 'json', '--no-inline-suppressions', fixture]);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    assert.equal(report.findings.filter((finding) => finding.suppression).length, 0);
    assert.equal(run.status, 1);
  });
});

describe('exitCode', () => {
  const at = (level: Level, suppressed = false): Finding => ({
    ruleId: 'r',
    level,
    message: 'm',
    file: 'f.yaml',
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    path: [],
    fingerprint: 'x',
    ...(suppressed ? { suppression: { source: 'comment' as const } } : {}),
  });
  const result = (findings: Finding[], internalErrors = 0) => ({ findings, internalErrors });

  test('0 clean, 1 at or above --fail-on, 2 when a rule crashed', () => {
    assert.equal(exitCode(result([])), 0);
    assert.equal(exitCode(result([at('warning'), at('note')])), 0);
    assert.equal(exitCode(result([at('error')])), 1);
    assert.equal(exitCode(result([at('warning')]), { failOn: 'warning' }), 1);
    assert.equal(exitCode(result([at('note')]), { failOn: 'note' }), 1);
    assert.equal(exitCode(result([at('note')]), { failOn: 'warning' }), 0);
    assert.equal(exitCode(result([], 1)), 2);
  });

  test('suppressed findings never count, for the level or for --max-warnings', () => {
    assert.equal(exitCode(result([at('error', true)])), 0);
    assert.equal(exitCode(result([at('warning', true), at('warning', true)]), { maxWarnings: 0 }), 0);
    assert.equal(exitCode(result([at('warning'), at('warning')]), { maxWarnings: 1 }), 1);
    assert.equal(exitCode(result([at('warning')]), { maxWarnings: 1 }), 0);
  });
});
