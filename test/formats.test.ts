/** SARIF that GitHub accepts, versioned JSON, and workflow-command annotations, from the real CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const M = 'test/manifests';

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
    columnKind: string;
  }[];
}

function sarif(args: string[], input?: string): SarifLog {
  const run = runCli(['--format', 'sarif', ...args], { input });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const log = JSON.parse(run.stdout) as SarifLog; // nothing but SARIF on stdout
  assertValidSarif(log);
  return log;
}

describe('SARIF 2.1.0', () => {
  test('tool.driver lists every rule with the metadata GitHub reads', () => {
    const log = sarif([`${M}/cli/clean.yaml`]);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'kmlint');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids = JSON.parse(runCli(['rules', '--format', 'json']).stdout).map((rule: { id: string }) => rule.id).sort();
    assert.deepEqual(driver.rules.map((rule) => rule.id), ids);
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown, rule.id);
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.ok(Array.isArray(rule.properties.tags) && rule.properties.tags.length <= 20);
      if (rule.properties.tags.includes('security')) {
        const severity = Number(rule.properties['security-severity']);
        assert.equal(typeof rule.properties['security-severity'], 'string', `${rule.id}: security-severity must be a string`);
        assert.ok(severity > 0 && severity <= 10, `${rule.id}: security-severity ${severity}`);
      }
    }
  });

  test('a clean run still has results: []', () => {
    const log = sarif([`${M}/cli/clean.yaml`]);
    assert.deepEqual(log.runs[0]!.results, []);
    assert.equal(log.runs[0]!.columnKind, 'utf16CodeUnits');
  });

  test('results carry rule, level, a repo-relative uri, a full region, fingerprints and the object', () => {
    const log = sarif([`${M}/privileged-container/invalid/pod.yaml`]);
    const { results, tool } = log.runs[0]!;
    const result = results.find((candidate) => candidate.ruleId === 'privileged-container' && candidate.locations[0].physicalLocation.region.startLine === 10)!;
    assert.equal(tool.driver.rules[result.ruleIndex]?.id, 'privileged-container');
    assert.equal(result.level, 'error');
    assert.equal(result.message.text, 'Container "setup" runs privileged.');
    const location = result.locations[0];
    assert.equal(location.physicalLocation.artifactLocation.uri, `${M}/privileged-container/invalid/pod.yaml`);
    assert.deepEqual(location.physicalLocation.region, { startLine: 10, startColumn: 9, endLine: 10, endColumn: 25 });
    assert.deepEqual(location.logicalLocations, [{ name: 'node-debugger', fullyQualifiedName: 'Pod/node-debugger', kind: 'resource' }]);
    assert.match(result.partialFingerprints['kmlint/v1'], /^[0-9a-f]{32}$/);
    for (const each of results) assert.equal(typeof each.ruleIndex, 'number');
  });

  test('fingerprints do not change when lines move; regions do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-sarif-'));
    const original = readFileSync(path.join(REPO_ROOT, M, 'privileged-container/invalid/pod.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'pod.yaml'), original);
    const before = JSON.parse(runCli(['--format', 'sarif', 'pod.yaml'], { cwd: dir }).stdout).runs[0].results;
    writeFileSync(path.join(dir, 'pod.yaml'), `# moved down by a comment\n\n\n${original}`);
    const after = JSON.parse(runCli(['--format', 'sarif', 'pod.yaml'], { cwd: dir }).stdout).runs[0].results;
    const prints = (results: any[]) => results.map((result) => result.partialFingerprints['kmlint/v1']).sort();
    assert.deepEqual(prints(after), prints(before));
    assert.equal(after[0].locations[0].physicalLocation.region.startLine, before[0].locations[0].physicalLocation.region.startLine + 3);
    assert.equal(new Set(prints(before)).size, before.length, 'each finding has its own fingerprint');
  });

  test('Helm templates become relatedLocations, from a file and from stdin', () => {
    const input = readFileSync(path.join(REPO_ROOT, M, 'helm/rendered.yaml'), 'utf8');
    for (const log of [sarif([`${M}/helm/rendered.yaml`]), sarif(['-'], input)]) {
      const result = log.runs[0]!.results.find((candidate) => candidate.ruleId === 'host-pid')!;
      assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'shop/charts/redis/templates/statefulset.yaml');
      assert.match(result.relatedLocations[0].message.text, /Helm template/);
    }
  });

  test('skipped files become tool notifications, never text on stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-sarif-'));
    writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0, 1, 2]));
    const run = runCli(['--format', 'sarif', '.'], { cwd: dir });
    const log = JSON.parse(run.stdout);
    assertValidSarif(log);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /binary\.yaml: skipped/);
  });
});

describe('JSON', () => {
  test('is versioned, with a summary, the files and the findings', () => {
    const run = runCli(['--format', 'json', `${M}/privileged-container/invalid/pod.yaml`, `${M}/cli/clean.yaml`]);
    const report = JSON.parse(run.stdout);
    assert.equal(report.kmlintOutputVersion, 1);
    assert.equal(report.summary.files, 2);
    assert.equal(report.summary.objects, 2);
    assert.equal(report.summary.errors, report.findings.filter((finding: { level: string }) => finding.level === 'error').length);
    const finding = report.findings.find((candidate: { ruleId: string }) => candidate.ruleId === 'privileged-container');
    assert.deepEqual(Object.keys(finding).sort(), ['container', 'documentIndex', 'file', 'fingerprint', 'helpUri', 'level', 'message', 'messageId', 'object', 'path', 'region', 'ruleId']);
    assert.deepEqual(finding.object, { apiVersion: 'v1', kind: 'Pod', name: 'node-debugger' });
  });
});

describe('GitHub workflow commands', () => {
  test('one annotation per finding at its exact region, errors first', () => {
    const run = runCli(['--format', 'github', `${M}/privileged-container/invalid/pod.yaml`]);
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.includes(`::error file=${M}/privileged-container/invalid/pod.yaml,line=10,endLine=10,col=9,endColumn=25,title=privileged-container::Container "setup" runs privileged.`));
    const levels = lines.filter((line) => line.startsWith('::')).map((line) => line.slice(2, line.indexOf(' ')));
    assert.deepEqual(levels, [...levels].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    assert.match(lines.at(-1)!, /^kmlint: \d+ errors?, \d+ warnings?, \d+ notes? in 1 file\.$/);
  });

  test('notes become notices and multi-line regions drop the columns', () => {
    // A hostPath mapping spans several lines; the Helm sample has notes.
    const run = runCli(['--format', 'github', '--preset', 'all', `${M}/helm/rendered.yaml`, `${M}/host-path-volume/invalid/pod.yaml`]);
    const lines = run.stdout.split('\n');
    const multiLine = lines.filter((line) => /line=(\d+),endLine=(?!\1,)\d+/.test(line));
    assert.ok(multiLine.length > 0, 'the sample has findings spanning several lines');
    for (const line of multiLine) assert.doesNotMatch(line, /col=/);
    const singleLine = lines.filter((line) => /line=(\d+),endLine=\1,/.test(line));
    assert.ok(singleLine.length > 0 && singleLine.every((line) => /col=\d+,endColumn=\d+/.test(line)), 'one-line findings keep their columns');
    assert.ok(lines.some((line) => line.startsWith('::notice ')), 'notes become ::notice');
    assert.ok(!lines.some((line) => line.startsWith('::note ')), 'GitHub has no ::note command');
    assert.ok(run.stdout.includes('(Helm template shop/templates/deployment.yaml)'));
  });
});
