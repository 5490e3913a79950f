/** Discovery in real repositories: git-aware ignore rules, explicit paths, globs, and a stable order. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { discover } from '../src/input/discover.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'manifests', 'input', 'repo');
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture repository whose .gitignore names the kustomize folder, optionally a git work tree. */
function repository(options: { git: boolean }): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'kmlint-discover-'));
  temps.push(cwd);
  cpSync(FIXTURE, cwd, { recursive: true });
  writeFileSync(path.join(cwd, '.gitignore'), 'kustomize/\n*.generated.yaml\n');
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('add', '-f', 'kustomize/base'); // tracked although .gitignore names the folder
    git('commit', '-q', '-m', 'fixture');
  }
  // Untracked and ignored: left out in either case.
  mkdirSync(path.join(cwd, 'kustomize', 'scratch'), { recursive: true });
  writeFileSync(path.join(cwd, 'kustomize', 'scratch', 'local.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: scratch\n');
  writeFileSync(path.join(cwd, 'deploy', 'web.generated.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: generated\n');
  return cwd;
}

const filesOf = (stdout: string): string[] => (JSON.parse(stdout) as { files: { file: string }[] }).files.map((file) => file.file);

describe('git-aware discovery', () => {
  test('tracked files are never hidden by .gitignore; untracked ignored ones are, in one stderr line', () => {
    const cwd = repository({ git: true });
    const run = runCli(['--format', 'json', '.'], { cwd });
    const files = filesOf(run.stdout);
    assert.ok(files.includes('kustomize/base/deployment.yaml'), 'tracked manifest in an ignored folder is linted');
    assert.ok(!files.includes('kustomize/scratch/local.yaml'), 'untracked ignored file is left out');
    assert.ok(!files.includes('deploy/web.generated.yaml'));
    const lines = run.stderr.split('\n').filter((line) => line.includes('ignore rules left out'));
    assert.equal(lines.length, 1);
    // kustomize/overlays (never added) and kustomize/scratch are untracked folders.
    assert.equal(lines[0], 'kmlint: ignore rules left out 1 path by .gitignore `*.generated.yaml`, 2 paths by .gitignore `kustomize/`');
  });

  test('outside git, a folder named on the command line is linted although .gitignore names it', () => {
    const cwd = repository({ git: false });
    const run = runCli(['--format', 'json', 'kustomize/base'], { cwd });
    assert.deepEqual(filesOf(run.stdout), ['kustomize/base/deployment.yaml', 'kustomize/base/kustomization.yaml']);
    assert.equal(run.status, 1, 'the privileged container is found');
  });

  test('a file named on the command line is linted whatever the ignore files say', () => {
    const cwd = repository({ git: false });
    const run = runCli(['--format', 'json', 'deploy/web.generated.yaml'], { cwd });
    assert.deepEqual(filesOf(run.stdout), ['deploy/web.generated.yaml']);
  });

  test('a glob that matches only ignored files says so, and exits 2', () => {
    const cwd = repository({ git: false });
    const run = runCli(['kustomize/**/*.yaml'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /kustomize\/\*\*\/\*\.yaml: every match is ignored \(\d+ paths? by \.gitignore `kustomize\/`\)/);
    assert.doesNotMatch(run.stderr, /No such file/);
  });

  test('an explicit folder with no file to lint exits 2 and says why', () => {
    const cwd = repository({ git: false });
    mkdirSync(path.join(cwd, 'empty'));
    writeFileSync(path.join(cwd, 'empty', 'README.md'), '# nothing here\n');
    const run = runCli(['empty'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /empty: no \.yaml, \.yml or \.json file to lint in it/);
  });

  test('a path that does not exist says so', () => {
    const run = runCli(['no-such-folder'], { cwd: repository({ git: false }) });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such-folder: no such file or directory/);
  });
});

describe('the walk of a folder', () => {
  test('keeps manifests in hidden folders and links to files; leaves .git, node_modules and links to folders', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'kmlint-walk-'));
    temps.push(cwd);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
    for (const file of ['a.yaml', '.hidden/b.yml', 'sub/deeper/c.json', 'node_modules/x/d.yaml', '.git/e.yaml', 'sub/notes.txt']) {
      mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
      writeFileSync(path.join(cwd, file), pod);
    }
    symlinkSync('..', path.join(cwd, 'sub', 'up')); // a loop, were links to folders followed
    symlinkSync('sub', path.join(cwd, 'linked-folder.yaml'));
    symlinkSync('a.yaml', path.join(cwd, 'link-to-file.yaml'));
    symlinkSync('gone.yaml', path.join(cwd, 'broken.yaml')); // kept: the reader says what is wrong with it
    const found = await discover(['.'], { cwd });
    const relative = found.files.map((file) => path.relative(cwd, file).split(path.sep).join('/'));
    assert.deepEqual(relative, ['.hidden/b.yml', 'a.yaml', 'broken.yaml', 'link-to-file.yaml', 'sub/deeper/c.json']);
    assert.deepEqual(found.missing, []);
  });
});

describe('deterministic output', () => {
  test('the same files in any argument order give the same report, byte for byte', () => {
    const cwd = repository({ git: false });
    const orders = [
      ['deploy/web.yaml', 'kustomize/base', 'deploy/broken.yaml'],
      ['deploy/broken.yaml', 'deploy/web.yaml', 'kustomize/base'],
      ['kustomize/base', 'deploy/broken.yaml', 'deploy/web.yaml'],
    ];
    for (const format of ['json', 'text']) {
      const outputs = orders.map((paths) => runCli(['--format', format, ...paths], { cwd }));
      for (const output of outputs.slice(1)) assert.equal(output.stdout, outputs[0]!.stdout, format);
      assert.equal(new Set(outputs.map((output) => output.stderr)).size, 1);
    }
  });
});
