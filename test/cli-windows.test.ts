/**
 * Windows: CRLF manifests lint exactly like LF ones, file globs and SARIF URIs come out right from
 * backslash paths (checked with node:path's win32 functions on any system).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveOverrides, type Override } from '../src/config/overrides.js';
import { encodeUri } from '../src/formatters/sarif.js';
import { runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const CRLF = path.join(REPO_ROOT, 'test', 'manifests', 'windows', 'pod-crlf.yaml');

/** The same manifest written with CRLF and with LF, under the same name in two folders. */
function twins(): { crlf: string; lf: string } {
  const text = readFileSync(CRLF, 'utf8');
  assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'the fixture has CRLF line endings (see .gitattributes)');
  const crlf = mkdtempSync(path.join(tmpdir(), 'kmlint-crlf-'));
  const lf = mkdtempSync(path.join(tmpdir(), 'kmlint-lf-'));
  writeFileSync(path.join(crlf, 'pod.yaml'), text);
  writeFileSync(path.join(lf, 'pod.yaml'), text.replaceAll('\r\n', '\n'));
  return { crlf, lf };
}

describe('Windows line endings', () => {
  test('CRLF and LF give the same findings, regions and fingerprints, in JSON, SARIF and rdjson', () => {
    const { crlf, lf } = twins();
    for (const format of ['json', 'sarif', 'rdjson']) {
      const a = runCli(['--preset', 'all', '--format', format, 'pod.yaml'], { cwd: crlf });
      const b = runCli(['--preset', 'all', '--format', format, 'pod.yaml'], { cwd: lf });
      assert.equal(a.status, 1, a.stderr);
      assert.equal(a.stdout, b.stdout, format);
      if (format === 'sarif') assertValidSarif(JSON.parse(a.stdout));
    }
    const findings = JSON.parse(runCli(['--format', 'json', 'pod.yaml'], { cwd: crlf }).stdout).findings;
    const privileged = findings.find((finding: { ruleId: string }) => finding.ruleId === 'privileged-container');
    assert.deepEqual(privileged.region, { startLine: 10, startColumn: 26, endLine: 10, endColumn: 42 });
  });

  test('code frames carry no carriage return', () => {
    const run = runCli([path.relative(REPO_ROOT, CRLF)]);
    assert.ok(!run.stdout.includes('\r'), JSON.stringify(run.stdout));
    assert.match(run.stdout, /\n {4}10 \| {7}securityContext: \{ privileged: true,.*readOnlyRootFilesystem: true \}\n/);
  });
});

describe('Windows paths', () => {
  test('SARIF URIs from a backslash path are relative, forward-slashed and percent-encoded', () => {
    const relative = path.win32.relative('C:\\work\\repo', 'C:\\work\\repo\\deploy\\my app\\pod #1.yaml');
    assert.equal(relative, 'deploy\\my app\\pod #1.yaml');
    const uri = encodeUri(relative.split(path.win32.sep).join('/'));
    assert.equal(uri, 'deploy/my%20app/pod%20%231.yaml');
    assert.ok(!/^[a-z]:|\\/i.test(uri));
  });

  test('override file globs match from a Windows working directory below the config folder', () => {
    const overrides: Override[] = [{ files: ['deploy/**', '*.json'], rules: { 'host-pid': 'off' }, origin: '.kmlint.yaml:2:5' }];
    const where = { cwd: 'C:\\work\\repo\\deploy', configDir: 'C:\\work\\repo', path: path.win32 };
    assert.equal(resolveOverrides(overrides, { file: 'prod/pod.yaml' }, where).get('host-pid')?.level, 'off');
    assert.equal(resolveOverrides(overrides, { file: '../other/pod.yaml' }, where).size, 0);
    assert.equal(resolveOverrides(overrides, { file: '../other/list.json' }, where).size, 1, 'a glob without a slash matches at any depth');
    // A file on another drive is outside the config folder: no glob reaches it.
    assert.equal(resolveOverrides(overrides, { file: 'D:/deploy/pod.yaml' }, where).size, 0);
  });
});
