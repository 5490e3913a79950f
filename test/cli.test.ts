/** The `kmlint` command as users run it: a real subprocess of the built CLI. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { CLI, cliEnv, runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const M = 'test/manifests';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kmlint-cli-'));
}

describe('text report', () => {
  test('groups findings by file as line:col level message rule-id, with the source line underlined', () => {
    const run = runCli([`${M}/privileged-container/invalid/pod.yaml`]);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `${M}/privileged-container/invalid/pod.yaml`);
    const finding = lines.findIndex((line) => /^\s+10:9\s+error\s+Container "setup" runs privileged\.\s+privileged-container$/.test(line));
    assert.ok(finding > 0, run.stdout);
    assert.match(lines[finding + 1]!, /^\s+10 \| {9}privileged: true/);
    // The caret line underlines exactly `privileged: true` (columns 9 to 24).
    assert.equal(lines[finding + 2], `${' '.repeat(6)} | ${' '.repeat(8)}${'^'.repeat(16)}`);
    assert.match(run.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ notes?\) in 1 file, 1 object/);
  });

  test('--no-code-frame leaves the source lines out', () => {
    const run = runCli(['--no-code-frame', `${M}/privileged-container/invalid/pod.yaml`]);
    assert.ok(!run.stdout.includes(' | '), run.stdout);
    assert.match(run.stdout, /10:9\s+error/);
  });

  test('piped output carries no colour and stderr no progress; --color forces colour', () => {
    const plain = runCli([`${M}/privileged-container/invalid/pod.yaml`, `${M}/cli/clean.yaml`]);
    assert.ok(!plain.stdout.includes('\u001b['), 'no ANSI escapes when piped');
    assert.ok(!plain.stderr.includes('\r'), 'no progress when stderr is piped');
    const coloured = runCli(['--color', `${M}/privileged-container/invalid/pod.yaml`]);
    assert.ok(coloured.stdout.includes('\u001b['), 'ANSI escapes with --color');
  });

  test('a clean run exits 0 and says so', () => {
    const run = runCli([`${M}/cli/clean.yaml`]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ 0 problems/);
  });
});

describe('inputs', () => {
  test('a directory is linted recursively; a List is linted item by item with positions inside the list', () => {
    const run = runCli(['--format', 'json', `${M}/cli`]);
    const report = JSON.parse(run.stdout);
    const files = report.files.map((file: { file: string }) => file.file);
    assert.ok(files.includes(`${M}/cli/list.json`));
    const hostIpc = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'host-ipc');
    assert.equal(hostIpc.file, `${M}/cli/list.json`);
    assert.deepEqual(hostIpc.region, { startLine: 16, startColumn: 9, endLine: 16, endColumn: 24 });
    assert.deepEqual(hostIpc.path, ['items', 1, 'spec', 'hostIPC']);
    assert.equal(hostIpc.object.name, 'b');
  });

  test('globs expand; documents that are not Kubernetes objects are skipped quietly', () => {
    // From inside the fixture folder: the repository's .kmlintignore leaves test/manifests/ out of walks and globs.
    const run = runCli(['--format', 'json', '*.yaml'], { cwd: path.join(REPO_ROOT, M, 'cli') });
    const report = JSON.parse(run.stdout);
    const notKubernetes = report.files.find((file: { file: string }) => file.file.endsWith('not-kubernetes.yaml'));
    assert.deepEqual(notKubernetes, { file: 'not-kubernetes.yaml', objects: 0, documents: 1, decision: 'not-kubernetes', reason: 'no document with apiVersion and kind' });
    assert.ok(!report.findings.some((finding: { file: string }) => finding.file.endsWith('not-kubernetes.yaml')));
  });

  test('a run with no Kubernetes object at all says so on stderr and exits 0', () => {
    const run = runCli([`${M}/cli/not-kubernetes.yaml`]);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /no Kubernetes objects found in 1 file/);
  });

  test('standard input is read with -, named by --stdin-filename', () => {
    const input = readFileSync(path.join(REPO_ROOT, M, 'privileged-container/invalid/pod.yaml'), 'utf8');
    const run = runCli(['--format', 'json', '--stdin-filename', 'k8s/pod.yaml', '-'], { input });
    const report = JSON.parse(run.stdout);
    assert.equal(run.status, 1);
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((finding: { file: string }) => finding.file === 'k8s/pod.yaml'));
  });

  test('.gitignore and .kmlintignore exclude files from a directory walk', () => {
    const dir = tempDir();
    const pod = readFileSync(path.join(REPO_ROOT, M, 'privileged-container/invalid/pod.yaml'), 'utf8');
    mkdirSync(path.join(dir, 'vendor'));
    mkdirSync(path.join(dir, 'generated'));
    writeFileSync(path.join(dir, 'pod.yaml'), pod);
    writeFileSync(path.join(dir, 'vendor', 'pod.yaml'), pod);
    writeFileSync(path.join(dir, 'generated', 'pod.yml'), pod);
    writeFileSync(path.join(dir, '.gitignore'), 'vendor/\n');
    writeFileSync(path.join(dir, '.kmlintignore'), 'generated/\n');
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(run.stdout).files.map((file: { file: string }) => file.file), ['pod.yaml']);
  });

  test('templates of a Helm chart are left out of a directory walk, with a note', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 1.0.0\n');
    writeFileSync(path.join(dir, 'chart', 'templates', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    const run = runCli(['.'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /chart: Helm chart templates skipped/);
  });
});

describe('bad input gets a clear answer, never a stack trace', () => {
  test('a syntax error is a finding at the parser position; the other documents and files are still linted', () => {
    const run = runCli(['--format', 'json', `${M}/cli/broken-then-good.yaml`, `${M}/cli/clean.yaml`]);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    const syntax = report.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'yaml-syntax-error');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].region.startLine, 9);
    assert.ok(report.findings.some((finding: { ruleId: string; object?: { name: string } }) => finding.ruleId === 'privileged-container' && finding.object?.name === 'good-but-privileged'));
    assert.equal(report.summary.objects, 2);
  });

  test('an alias bomb, a binary file, an oversized file and a symlink loop are each reported in one line and skipped', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, 'huge.yaml'), `a: "${'x'.repeat(11 * 1024 * 1024)}"\n`);
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    writeFileSync(path.join(dir, 'bomb.yaml'), readFileSync(path.join(REPO_ROOT, M, 'cli/alias-bomb.yaml')));
    writeFileSync(path.join(dir, 'pod.yaml'), readFileSync(path.join(REPO_ROOT, M, 'privileged-container/invalid/pod.yaml')));
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 1, 'the good file is still linted and fails the run');
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.match(run.stderr, /binary\.yaml: skipped, binary file/);
    assert.match(run.stderr, /huge\.yaml: skipped, larger than the 10\.0 MB limit/);
    assert.match(run.stderr, /loop-a\.yaml: skipped, symbolic link loop/);
    const report = JSON.parse(run.stdout);
    const bomb = report.findings.find((finding: { file: string; ruleId: string }) => finding.file === 'bomb.yaml' && finding.ruleId === 'document-too-complex');
    assert.match(bomb?.message ?? '', /^Document 1 is not linted \(.*alias/);
    assert.ok(report.findings.some((finding: { file: string }) => finding.file === 'pod.yaml'));
    const skipped = report.files.filter((file: { skipped?: string }) => file.skipped).map((file: { file: string }) => file.file).sort();
    assert.deepEqual(skipped, ['binary.yaml', 'huge.yaml', 'loop-a.yaml', 'loop-b.yaml']);
  });

  test('an unreadable file is reported and skipped', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'secret.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n');
    chmodSync(path.join(dir, 'secret.yaml'), 0o000);
    const run = runCli(['.'], { cwd: dir });
    assert.match(run.stderr, /secret\.yaml: skipped, unreadable \(permission denied\)/);
  });
});

describe('exit codes and flags', () => {
  test('--fail-on decides which level fails the run', () => {
    // Two rules only: a missing memory request (warning) and a missing CPU limit (note).
    const dir = tempDir();
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'extends: []\nrules:\n  missing-memory-request: warning\n  missing-cpu-limit: note\n');
    const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n${resources}`;
    writeFileSync(path.join(dir, 'pod.yaml'), pod(''));
    const levels = JSON.parse(runCli(['--format', 'json', 'pod.yaml'], { cwd: dir }).stdout).findings.map((finding: { level: string }) => finding.level);
    assert.deepEqual(levels.sort(), ['note', 'warning'], 'the sample has a warning and a note, no error');
    assert.equal(runCli(['pod.yaml'], { cwd: dir }).status, 0, 'default: only errors fail');
    assert.equal(runCli(['--fail-on', 'error', 'pod.yaml'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--fail-on', 'warning', 'pod.yaml'], { cwd: dir }).status, 1);
    assert.equal(runCli(['--fail-on', 'note', 'pod.yaml'], { cwd: dir }).status, 1);
    // With the warning fixed, only the note is left: it fails only at --fail-on note.
    writeFileSync(path.join(dir, 'pod.yaml'), pod('      resources: { requests: { memory: 64Mi } }\n'));
    assert.equal(runCli(['--fail-on', 'warning', 'pod.yaml'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--fail-on', 'note', 'pod.yaml'], { cwd: dir }).status, 1);
  });

  test('rule options from a config file are checked and applied by the built CLI', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{ name: c, image: nginx:1.27 }]\n  volumes:\n    - name: logs\n      hostPath: { path: /var/log/pods }\n');
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'rules:\n  host-path-volume: [error, { allowedPaths: [/var/log] }]\n');
    const allowed = runCli(['--format', 'json', 'pod.yaml'], { cwd: dir });
    assert.notEqual(allowed.status, 2, allowed.stderr);
    assert.ok(!JSON.parse(allowed.stdout).findings.some((finding: { ruleId: string }) => finding.ruleId === 'host-path-volume'), 'the allowed path is accepted');
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'rules:\n  host-path-volume: [error, { allowedPaths: /var/log }]\n');
    const invalid = runCli(['pod.yaml'], { cwd: dir });
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /allowedPaths/);
  });

  test('usage errors exit 2 with a one-line message', () => {
    for (const args of [['--format', 'xml', '.'], ['--no-such-flag', '.'], ['does/not/exist.yaml'], [], ['--fail-on', 'fatal', '.']]) {
      const run = runCli(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^kmlint: .+\nRun "kmlint --help" for usage\.\n$/);
    }
  });

  test('--version prints the package version; --help shows usage and examples', () => {
    const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
    assert.equal(runCli(['--version']).stdout, `${version}\n`);
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage/);
    assert.match(help.stdout, /Examples\n\s+kmlint \.\/k8s/);
  });

  test('--preset all turns on rules that recommended leaves off', () => {
    const recommended = JSON.parse(runCli(['--format', 'json', `${M}/cli/list.json`]).stdout);
    const all = JSON.parse(runCli(['--format', 'json', '--preset', 'all', `${M}/cli/list.json`]).stdout);
    assert.ok(all.findings.length > recommended.findings.length);
  });

  test('kmlint rules --format json lists every rule with its metadata', () => {
    const run = runCli(['rules', '--format', 'json']);
    assert.equal(run.status, 0);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    const privileged = list.find((rule) => rule.id === 'privileged-container');
    assert.deepEqual(Object.keys(privileged!).sort(), ['category', 'cis', 'defaultOptions', 'helpUri', 'id', 'level', 'options', 'presets', 'pss', 'remediation', 'securitySeverity', 'summary']);
    assert.equal(privileged!.securitySeverity, 9);
    assert.ok((privileged!.presets as string[]).includes('recommended'));
    assert.ok(list.length >= 17);
    const text = runCli(['rules']);
    assert.match(text.stdout, /^privileged-container\s+error\s+security\s+/m);
  });

  test('a folder named like a command (rules, init) is linted, not taken for the command', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'rules'));
    writeFileSync(path.join(dir, 'rules', 'pod.yaml'), readFileSync(path.join(REPO_ROOT, M, 'privileged-container/invalid/pod.yaml')));
    const run = runCli(['rules'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /rules\/pod\.yaml\n\s+\d+:\d+/);
  });

  test('-o writes the report to a file and nothing to stdout', () => {
    const out = path.join(tempDir(), 'report.sarif');
    const run = runCli(['--format', 'sarif', '-o', out, `${M}/cli/clean.yaml`]);
    assert.equal(run.stdout, '');
    assertValidSarif(JSON.parse(readFileSync(out, 'utf8')));
  });
});

describe('Helm-rendered input', () => {
  test('the # Source: template of each document is carried by its findings, from a file and from stdin', () => {
    const fromFile = JSON.parse(runCli(['--format', 'json', `${M}/helm/rendered.yaml`]).stdout);
    const input = readFileSync(path.join(REPO_ROOT, M, 'helm/rendered.yaml'), 'utf8');
    const fromStdin = JSON.parse(runCli(['--format', 'json', '-'], { input }).stdout);
    for (const report of [fromFile, fromStdin]) {
      const hostPid = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'host-pid');
      assert.equal(hostPid.helmTemplate, 'shop/charts/redis/templates/statefulset.yaml');
      const privileged = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'privileged-container');
      assert.equal(privileged.helmTemplate, 'shop/templates/deployment.yaml');
      assert.deepEqual(privileged.region, { startLine: 62, startColumn: 13, endLine: 62, endColumn: 29 });
    }
  });

  test('the text report names the template under each finding', () => {
    const run = runCli([`${M}/helm/rendered.yaml`]);
    assert.match(run.stdout, /62:13\s+error\s+Container "shop" runs privileged\.\s+privileged-container\n(.*\n){2}\s+Helm template: shop\/templates\/deployment\.yaml/);
  });
});

describe('on a terminal', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  test('a run over many files shows files done of total on stderr, then clears it; colours are on', { skip: hasScript ? false : 'util-linux script is needed for a pseudo-terminal' }, () => {
    const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI} test/manifests/cli test/manifests/helm`, '/dev/null'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: cliEnv(),
    });
    assert.match(run.stdout, /\rkmlint: 1\/6 files/);
    assert.match(run.stdout, /\rkmlint: 6\/6 files\r\u001b\[2K/);
    assert.ok(run.stdout.includes('\u001b[31m'), 'errors in red on a terminal');
  });
});

describe('custom resource schemas from the command line', () => {
  test('--schema-dir adds CRDs and JSON schemas for custom resources', () => {
    const fixture = `${M}/schema-validation/invalid/schema-dirs.yaml`;
    const without = JSON.parse(runCli(['--format', 'json', '--no-context', fixture]).stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'schema-validation');
    assert.deepEqual(without, [], 'without the schemas nothing is validated');
    const withDirs = runCli(['--format', 'json', '--no-context', '--schema-dir', `${M}/schema-validation/schemas`, fixture]);
    const findings = JSON.parse(withDirs.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'schema-validation');
    assert.ok(findings.length > 0, withDirs.stderr);
  });
});
