/**
 * The pre-commit hook: the manifest pre-commit reads, a package that installs from git without a build
 * step, and the hook's entry run the way pre-commit runs it (entry + args + staged file names).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { installLikePreCommit, type HookInstall } from './support/pre-commit-install.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface HookManifest {
  id: string;
  name: string;
  entry: string;
  language: string;
  args?: string[];
  types_or?: string[];
  require_serial?: boolean;
  pass_filenames?: boolean;
}

const hooks = parse(await readFile(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as HookManifest[];
const hook = hooks.find((h) => h.id === 'kmlint');
const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
  bin?: Record<string, string>;
  scripts?: Record<string, string>;
};

describe('.pre-commit-hooks.yaml', () => {
  test('declares a node hook for YAML and JSON files that runs in one process', () => {
    assert.ok(hook, 'a hook with id kmlint exists');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types_or, ['yaml', 'json']);
    assert.equal(hook.require_serial, true);
    assert.notEqual(hook.pass_filenames, false);
    assert.ok(hook.name && hook.entry);
  });

  test('its entry is a command the package installs', () => {
    const command = hook?.entry.split(/\s+/)[0] ?? '';
    assert.ok(packageJson.bin?.[command], `package.json bin has '${command}'`);
  });
});

describe('installing from git', () => {
  test('a clone builds its bin on npm install (prepare), and only the Action bundle is committed', async () => {
    assert.match(packageJson.scripts?.prepare ?? '', /scripts\/build\.mjs/);
    const bin = packageJson.bin?.kmlint ?? '';
    assert.equal(bin, 'dist/cli.js');
    const head = (await readFile(join(repoRoot, bin), 'utf8')).slice(0, 40);
    assert.match(head, /^#!\/usr\/bin\/env node\n/);
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', bin], { cwd: repoRoot, encoding: 'utf8' });
    assert.notEqual(tracked.status, 0, `${bin} is build output, not committed`);
  });
});

describe('running the hook like pre-commit does', () => {
  let installed: HookInstall;
  let project: string;
  before(async () => {
    // pre-commit installs the repository as a package and puts its bin folder on PATH.
    installed = await installLikePreCommit(repoRoot);
    project = join(installed.root, 'project');
    await mkdir(join(project, 'deploy'), { recursive: true });
    await copyFile(join(repoRoot, 'test/manifests/action/startup/deployment.yaml'), join(project, 'deploy/web.yaml'));
    await writeFile(
      join(project, 'deploy/settings.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { mode: 'fast' } }, null, 2),
    );
    await writeFile(
      join(project, 'deploy/config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\n  namespace: shop\ndata:\n  mode: fast\n',
    );
  });
  after(() => installed?.remove());

  /** pre-commit runs: entry, then the hook's args (the user's `args` replace them), then the file names. */
  function runHook(files: string[], args = hook?.args ?? []) {
    assert.ok(hook);
    const [command = '', ...entryArgs] = hook.entry.split(/\s+/);
    return spawnSync(command, [...entryArgs, ...args, ...files], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${installed.binDir}${delimiter}${process.env.PATH ?? ''}` },
    });
  }

  test('fails on a staged manifest with an error and shows where it is', () => {
    const run = runHook(['deploy/web.yaml', 'deploy/config.yaml', 'deploy/settings.json']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /deploy\/web\.yaml/);
    assert.match(run.stdout, /\b21:\d+/);
    assert.match(run.stdout, /privileged/i);
    assert.doesNotMatch(run.stdout, /deploy\/(config\.yaml|settings\.json)/, 'clean files are not listed');
  });

  test('the documented configuration names this hook, and its example args are valid options', async () => {
    const text = await readFile(join(repoRoot, 'docs/usage-snippets.md'), 'utf8');
    const section = text.split(/^## /m).find((part) => part.startsWith('pre-commit\n')) ?? '';
    const [config = '', example = ''] = [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
    const repos = (parse(config) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> }).repos;
    assert.match(repos[0]?.repo ?? '', /\/kmlint$/);
    assert.equal(repos[0]?.hooks[0]?.id, hook?.id);
    const [exampleHook] = parse(example) as Array<{ id: string; args: string[] }>;
    assert.equal(exampleHook?.id, hook?.id);
    const run = runHook(['deploy/web.yaml'], exampleHook?.args ?? []);
    assert.equal(run.status, 1, `the documented args are accepted (exit 2 would mean a usage error): ${run.stderr}`);
  });

  test('passes when the staged files are clean, YAML and JSON alike', () => {
    const run = runHook(['deploy/config.yaml', 'deploy/settings.json']);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
});
