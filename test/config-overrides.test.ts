/** `overrides` in the config file: levels by file glob, kind and namespace, validated at their line. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { optionLayersForFile, resolveOverrides, type Override } from '../src/config/overrides.js';
import { defineRule } from '../src/engine/define-rule.js';
import { lintText } from '../src/engine/lint-file.js';
import { layeredOptions } from '../src/engine/rule-options.js';
import { ObjectIndex } from '../src/k8s/object-index.js';
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

  test('options beside kind or namespace selectors are checked against the rule schema, at their line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-override-options-'));
    writeFileSync(path.join(dir, 'app.yaml'), pod);
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'overrides:\n  - kinds: [Pod]\n    rules:\n      host-path-volume: [error, { allowedPaths: /var/log }]\n  - namespaces: [prod]\n    rules:\n      insufficient-replicas: [error, { minReplicas: 0 }]\n');
    const run = runCli(['app.yaml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.deepEqual(run.stderr.trim().split('\n'), [
      '.kmlint.yaml:4:49: overrides[0].rules.host-path-volume[1].allowedPaths must be a list, not string "/var/log"',
      '.kmlint.yaml:7:53: overrides[1].rules.insufficient-replicas[1].minReplicas must be >= 1',
    ]);
  });
});

describe('rule options by kind and namespace', () => {
  const DIR_OPTIONS = path.join(DIR, '..', 'overrides-options');
  const NAMED_OPTIONS = new Set(['host-path-volume', 'insufficient-replicas']);
  const optionFindings = (run: { stdout: string }): string[] =>
    (JSON.parse(run.stdout) as { findings: { region: { startLine: number }; ruleId: string; level: string; message: string }[] }).findings
      .filter((finding) => NAMED_OPTIONS.has(finding.ruleId))
      .map((finding) => `${finding.region.startLine} ${finding.ruleId} ${finding.level}: ${finding.message}`);

  test('each object of a file is checked with the options of the entries that select its kind and namespace', () => {
    const run = runCli(['--format', 'json', 'workloads.yaml'], { cwd: DIR_OPTIONS });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(optionFindings(run), [
      // The DaemonSet's /var/log/pods is allowed to its kind; the Deployment's /var/log is not.
      // Only prod-* asks for three replicas: "api" in staging, with two, passes at the run's minimum.
      '24 insufficient-replicas error: Deployment "web" runs 2 replica(s); at least 3 keep it available during disruptions.',
      '34 host-path-volume error: Volume "logs" mounts the node path "/var/log".',
    ]);
  });

  test('an object without a namespace lands in --namespace, for options and levels alike', () => {
    const run = runCli(['--format', 'json', '--namespace', 'prod-eu', 'workloads.yaml'], { cwd: DIR_OPTIONS });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(optionFindings(run).includes('56 insufficient-replicas error: Deployment "worker" runs 2 replica(s); at least 3 keep it available during disruptions.'), run.stdout);
  });

  test('--print-config lists the options each kind or namespace condition gives, with its line', () => {
    const run = runCli(['--print-config', 'workloads.yaml'], { cwd: DIR_OPTIONS });
    assert.equal(run.status, 0, run.stderr);
    const config = JSON.parse(run.stdout);
    // For every object of the file: the run's options; the conditions add theirs.
    assert.deepEqual(config.rules['host-path-volume'].options, { allowedPaths: [] });
    assert.deepEqual(config.rules['insufficient-replicas'], { level: 'warning', options: { minReplicas: 2 }, from: ['.kmlint.yaml rules'] });
    assert.deepEqual(config.overridesByObject, [
      { origin: '.kmlint.yaml:5:5', kinds: ['DaemonSet'], rules: { 'host-path-volume': 'error' }, options: { 'host-path-volume': { allowedPaths: ['/var/log'] } } },
      { origin: '.kmlint.yaml:8:5', namespaces: ['prod-*'], rules: { 'insufficient-replicas': 'error' }, options: { 'insufficient-replicas': { minReplicas: 3 } } },
    ]);
  });
});

describe('the engine with options per object', () => {
  let created = 0;
  // Reports the options it was made with on every object, and counts its instances.
  const echo = defineRule<'options', { tags: Record<string, string> }>({
    meta: {
      id: 'echo-options', category: 'best-practice', level: 'note', presets: [], crossObject: true,
      summary: 'Reports its options.', remediation: 'None.', messages: { options: '{{options}}' }, defaultOptions: { tags: {} },
    },
    create(context) {
      created++;
      return {
        object(object) {
          const at = context.locate(object.path);
          // Reported after the walk: a cross-object check keeps the options of the instance that registered it.
          context.afterIndex(() => context.report({ messageId: 'options', data: { options: JSON.stringify(context.options.tags) }, at }));
        },
      };
    },
  });
  const overrides: Override[] = [
    { files: ['*.yaml'], rules: { 'echo-options': 'note' }, options: { 'echo-options': { tags: { a: 'file' } } }, origin: 'a' },
    { kinds: ['Pod'], rules: { 'echo-options': 'note' }, options: { 'echo-options': { tags: { b: 'pod' } } }, origin: 'b' },
    { namespaces: ['prod'], rules: { 'echo-options': 'note' }, options: { 'echo-options': { tags: { a: 'prod' } } }, origin: 'c' },
  ];
  const text = [
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p1, namespace: prod }',
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p2, namespace: dev }',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c1, namespace: prod }',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c2 }',
    // Cluster-scoped: a namespace written on it is not where it lands.
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: r, namespace: prod }',
  ].join('\n---\n');

  function run(file: string, entries = overrides): string[] {
    const layers = optionLayersForFile(entries, file, { cwd: '/repo', configDir: '/repo' }).get('echo-options') ?? [];
    const base = { level: 'note' as const, levelConfigured: false, options: { tags: {} } };
    const { options, forObject } = layeredOptions(base.options, layers, 'prod');
    created = 0;
    const linted = lintText(file, text, { rules: [{ rule: echo, setting: { ...base, options }, ...(forObject ? { forObject } : {}) }] });
    const found: string[] = [];
    for (const check of linted.pending) check.run(new ObjectIndex(false), linted.findings);
    for (const finding of linted.findings) found.push(`${finding.object?.name} ${finding.message}`);
    return found;
  }

  test('entries apply in order, merged deep; the namespace is where the object lands; one instance per option set', () => {
    assert.deepEqual(run('app.yaml'), [
      'p1 {"a":"prod","b":"pod"}',
      'p2 {"a":"file","b":"pod"}',
      'c1 {"a":"prod"}',
      // No namespace: it lands in the run's, prod.
      'c2 {"a":"prod"}',
      'r {"a":"file"}',
    ]);
    // The file's own options, pods in prod, pods elsewhere, other objects in prod.
    assert.equal(created, 4);
  });

  test('a file that no kind or namespace entry with options selects runs each rule once', () => {
    assert.deepEqual(run('app.yaml', overrides.slice(0, 1)), ['p1 {"a":"file"}', 'p2 {"a":"file"}', 'c1 {"a":"file"}', 'c2 {"a":"file"}', 'r {"a":"file"}']);
    assert.equal(created, 1);
    // `files` and `kinds` in one entry must both match: app.json gets neither that entry's nor the first's options.
    assert.deepEqual(run('app.json', [overrides[0]!, { ...overrides[1]!, files: ['*.yaml'] }]), ['p1 {}', 'p2 {}', 'c1 {}', 'c2 {}', 'r {}']);
    assert.equal(created, 1);
  });
});
