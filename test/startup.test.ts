/**
 * Start-up of a run on named files inside a repository (a pre-commit hook): the repository's tracked
 * manifests are indexed as context only when a cross-object check is waiting for them, and a file named from
 * a subfolder still sees the manifests of the whole repository.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from './support/shared.js';
import { CLI, runCli } from './support/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'manifests', 'startup');
let repo = '';

before(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'kmlint-startup-'));
  await mkdir(path.join(repo, 'apps', 'web'), { recursive: true });
  await copyFile(path.join(FIXTURES, 'deployment.yaml'), path.join(repo, 'deployment.yaml'));
  await copyFile(path.join(FIXTURES, 'service.yaml'), path.join(repo, 'apps', 'web', 'service.yaml'));
  await copyFile(path.join(FIXTURES, 'settings.yaml'), path.join(repo, 'apps', 'web', 'settings.yaml'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['add', '.'], { cwd: repo });
});
after(() => rm(repo, { recursive: true, force: true }));

/** The stage names `--stats` printed (the lines under "time per stage"). */
function stages(stderr: string): string[] {
  const lines = stderr.split('\n');
  const start = lines.findIndex((line) => line.startsWith('kmlint: time per stage'));
  assert.notEqual(start, -1, stderr);
  const end = lines.findIndex((line, at) => at > start && line.startsWith('kmlint:'));
  return lines.slice(start + 1, end).map((line) => line.trim().split(/\s+/)[0]!);
}

function findingsOf(stdout: string, ruleId: string): unknown[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.filter((finding) => finding.ruleId === ruleId);
}

describe('the context of a run on named files', () => {
  test('no cross-object check waiting: the repository is not indexed', () => {
    const run = runCli(['--stats', '--rule', 'duplicate-resource: off', '--format', 'json', 'settings.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!stages(run.stderr).includes('context'), run.stderr);
    assert.ok(stages(run.stderr).includes('parse'), run.stderr);
  });

  test('a check waiting: the context is indexed, from the top of the repository though the file is in a subfolder', () => {
    const run = runCli(['--stats', '--complete', '--format', 'json', 'service.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.ok(stages(run.stderr).includes('context'), run.stderr);
    // With --complete a Service without pods is dangling: the Deployment at the top of the repository answers it.
    assert.deepEqual(findingsOf(run.stdout, 'dangling-service'), []);
  });

  test('--no-context, with --complete: the Service alone is judged, and its pods are missing', () => {
    const run = runCli(['--no-context', '--complete', '--format', 'json', 'service.yaml'], { cwd: path.join(repo, 'apps', 'web') });
    assert.equal(findingsOf(run.stdout, 'dangling-service').length, 1, run.stdout);
  });
});

describe('what a run loads', () => {
  test('the CEL library is loaded only by a run that evaluates a CRD validation rule', async () => {
    // A copy of the bundle without the CEL library's file: runs that need none do not notice.
    const copy = await mkdtemp(path.join(tmpdir(), 'kmlint-lazy-'));
    try {
      await cp(path.dirname(CLI), path.join(copy, 'dist'), { recursive: true, filter: (source) => !/[\\/](action|types)$/.test(source) });
      await rm(path.join(copy, 'dist', 'chunks', 'cel.js'));
      await symlink(path.join(REPO_ROOT, 'schemas'), path.join(copy, 'schemas'));
      const lint = (cli: string, target: string) => {
        const run = spawnSync(process.execPath, [cli, '--no-context', '--format', 'json', target], { cwd: REPO_ROOT, encoding: 'utf8' });
        return { status: run.status, stdout: run.stdout };
      };
      const withoutCel = path.join(copy, 'dist', 'cli.js');
      const deployment = path.join(FIXTURES, 'deployment.yaml');
      assert.deepEqual(lint(withoutCel, deployment), lint(CLI, deployment));

      const customResources = path.join(REPO_ROOT, 'test', 'manifests', 'schema-validation', 'invalid', 'custom-resources');
      assert.match(lint(CLI, customResources).stdout, /fails the validation rule/);
      assert.doesNotMatch(lint(withoutCel, customResources).stdout, /fails the validation rule/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  test('every module a one-file run loads is ASCII, which Node 20 decodes and V8 compiles fastest', async () => {
    // A module hook (it runs in a thread of its own) writes down each file the run loads.
    const dir = await mkdtemp(path.join(tmpdir(), 'kmlint-loaded-'));
    try {
      const log = path.join(dir, 'loaded.txt');
      const hooks = path.join(dir, 'hooks.mjs');
      await writeFile(hooks, [
        "import { appendFileSync } from 'node:fs';",
        'export async function load(url, context, next) {',
        `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');`,
        '  return next(url, context);',
        '}',
      ].join('\n'));
      const register = path.join(dir, 'register.mjs');
      await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, CLI, '--no-context', '--format', 'json', path.join(FIXTURES, 'deployment.yaml')], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const loaded = [...new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean))].map((url) => fileURLToPath(url)).filter((file) => file.startsWith(path.dirname(CLI)));
      // The command, its chunks, the rules and the parser: a hook that saw nothing would prove nothing.
      assert.ok(loaded.length >= 10, loaded.join('\n'));
      for (const file of loaded) {
        const text = await readFile(file);
        const at = text.findIndex((byte) => byte > 0x7f);
        assert.equal(at, -1, `${path.relative(REPO_ROOT, file)} holds a byte outside ASCII: ${text.subarray(Math.max(0, at - 60), at + 20).toString()}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
