/** Baselines: a legacy repository adopts kmlint in one commit, then only new findings fail the build. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyBaseline, baselineOf } from '../src/suppress/baseline.js';
import type { Finding } from '../src/types.js';
import { runCli } from './support/cli.js';

const LEGACY = path.resolve(import.meta.dirname, 'manifests', 'config', 'legacy');

function legacyCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-baseline-'));
  cpSync(LEGACY, dir, { recursive: true });
  return dir;
}

interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number };
  findings: Finding[];
}

function jsonRun(dir: string, args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['--format', 'json', ...args, 'payments.yaml'], { cwd: dir });
  assert.ok(run.stdout.startsWith('{'), `${run.stdout}\n${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

describe('baseline through the CLI', () => {
  test('write, then only new findings are reported, across moved lines, with fixed entries counted', () => {
    const dir = legacyCopy();
    const written = jsonRun(dir, ['--write-baseline', '.kmlint-baseline.json']);
    assert.equal(written.status, 0, 'writing the baseline adopts today\'s findings');
    assert.match(written.stderr, /wrote \d+ findings to the baseline \.kmlint-baseline\.json/);
    const baseline = JSON.parse(readFileSync(path.join(dir, '.kmlint-baseline.json'), 'utf8')) as { findings: { ruleId: string; object?: string }[] };
    assert.ok(baseline.findings.some((entry) => entry.ruleId === 'privileged-container' && entry.object === 'Deployment shop/payments-api'));
    // Suppressed findings have their own reasons and stay out of the baseline.
    assert.ok(!baseline.findings.some((entry) => entry.ruleId === 'host-network'));

    // Lines move: three lines of comments on top. Nothing is new.
    const manifest = path.join(dir, 'payments.yaml');
    writeFileSync(manifest, `# Payments\n# Owner: shop team\n# Reviewed 2026-11\n${readFileSync(manifest, 'utf8')}`);
    const moved = jsonRun(dir, ['--baseline', '.kmlint-baseline.json']);
    assert.equal(moved.status, 0, moved.stderr);
    assert.deepEqual(moved.report.findings.filter((finding) => !finding.suppression), []);
    assert.match(moved.stderr, /baseline \.kmlint-baseline\.json: \d+ known findings hidden, 0 entries fixed/);

    // One fix (hostPID removed) and one new problem (a privileged init container).
    const fixedAndNew = readFileSync(manifest, 'utf8')
      .replace('      hostPID: true\n', '')
      .replace('      containers:\n', '      initContainers:\n        - name: migrate\n          securityContext:\n            privileged: true\n      containers:\n');
    writeFileSync(manifest, fixedAndNew);
    const later = jsonRun(dir, ['--baseline', '.kmlint-baseline.json']);
    assert.equal(later.status, 1);
    const active = later.report.findings.filter((finding) => !finding.suppression && finding.ruleId === 'privileged-container');
    assert.deepEqual(active.map((finding) => finding.message), ['Container "migrate" runs privileged.']);
    assert.match(later.stderr, /1 entry fixed since it was written/);
  });

  test('the interplay on one object: config exemption, annotation, strict list and baseline each keep their source', () => {
    const dir = legacyCopy();
    const before = jsonRun(dir, []);
    assert.equal(before.status, 1);
    const find = (ruleId: string, container?: string): Finding | undefined =>
      before.report.findings.find((finding) => finding.ruleId === ruleId && (container === undefined || finding.message.includes(`"${container}"`)));
    // The config exemption covers the sidecar (strict rules can still be exempted in config).
    assert.equal(find('privileged-container', 'istio-proxy')?.suppression?.source, 'config');
    assert.equal(find('privileged-container', 'istio-proxy')?.suppression?.reason, 'Mesh sidecar, reviewed by the platform team.');
    // The strict list refuses the annotation for the app container, and says so at the annotation.
    assert.equal(find('privileged-container', 'api')?.suppression, undefined);
    assert.match(find('unused-suppression')?.message ?? '', /cannot suppress "privileged-container": the rule is on the strict list/);
    // The pod template annotation covers a rule that is not strict.
    assert.equal(find('host-network')?.suppression?.source, 'annotation');

    runCli(['--write-baseline', 'base.json', 'payments.yaml'], { cwd: dir });
    const after = jsonRun(dir, ['--baseline', 'base.json']);
    assert.equal(after.status, 0);
    assert.equal(after.report.findings.find((finding) => finding.ruleId === 'privileged-container' && finding.message.includes('"api"'))?.suppression?.source, 'baseline');
    assert.equal(after.report.findings.find((finding) => finding.message.includes('"istio-proxy"') && finding.ruleId === 'privileged-container')?.suppression?.source, 'config');
    assert.equal(after.report.summary.errors, 0);
  });

  test('a missing baseline file is a usage error (exit 2), not an empty baseline', () => {
    const run = runCli(['--baseline', 'nope.json', 'payments.yaml'], { cwd: legacyCopy() });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read the baseline .*nope\.json: ENOENT/);
  });
});

describe('baseline matching', () => {
  const finding = (fingerprint: string): Finding => ({
    ruleId: 'privileged-container',
    level: 'error',
    message: 'Container "app" runs privileged.',
    file: 'a.yaml',
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    path: [],
    fingerprint,
  });

  test('fingerprints are counted: two baselined copies cover two findings, not three', () => {
    const baseline = baselineOf([finding('f1'), finding('f1')]);
    const today = [finding('f1'), finding('f1'), finding('f1')];
    const summary = applyBaseline(today, baseline, 'base.json');
    assert.deepEqual(summary, { file: 'base.json', entries: 2, matched: 2, fixed: 0 });
    assert.equal(today.filter((item) => !item.suppression).length, 1);
  });

  test('findings already suppressed elsewhere do not use up baseline entries', () => {
    const suppressed = { ...finding('f1'), suppression: { source: 'comment' as const } };
    const summary = applyBaseline([suppressed], baselineOf([finding('f1')]), 'base.json');
    assert.equal(summary.fixed, 1);
    assert.equal(suppressed.suppression.source, 'comment');
  });
});
