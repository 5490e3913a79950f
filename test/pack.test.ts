/**
 * `npx kmlint` from the packed package: only the files it needs, no runtime dependencies, and the installed
 * command works outside the source tree. The CLI bundle never carries the Action's GitHub API client.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packAndInstall, type InstalledPackage } from '../scripts/bench-startup.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sampleManifest = join(repoRoot, 'test/manifests/action/startup/deployment.yaml');

interface PackageJson {
  version: string;
  bin?: Record<string, string>;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}

const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

function npm(args: string[], cwd: string) {
  return spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8' });
}

describe('packed file list', () => {
  const dryRun = npm(['pack', '--dry-run', '--json'], repoRoot);
  const files = (JSON.parse(dryRun.stdout || '[]') as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path) ?? [];

  test('contains the CLI, the library entry, their chunks, schemas and the package docs', () => {
    assert.equal(dryRun.status, 0, dryRun.stderr);
    for (const needed of ['dist/cli.js', 'dist/index.js', 'dist/worker.js', 'dist/report-worker.js', 'README.md', 'LICENSE', 'package.json']) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
    assert.ok(files.some((f) => f.startsWith('schemas/')), 'schemas are packed');
    const allowed = /^(dist\/cli\.js|dist\/index\.js|dist\/worker\.js|dist\/report-worker\.js|dist\/chunks\/[^/]+|dist\/types\/.+\.d\.ts|schemas\/.+|problem-matcher\.json|README\.md|LICENSE|package\.json)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'nothing else is packed');
  });

  test('leaves out sources, tests, the Action bundle and node_modules', () => {
    assert.ok(files.length > 0);
    for (const prefix of ['src/', 'test/', 'scripts/', 'dist/action/', 'node_modules/']) {
      assert.deepEqual(files.filter((f) => f.startsWith(prefix)), [], `${prefix} is not packed`);
    }
  });

  test('declares engines and has no runtime dependencies (everything is bundled)', () => {
    assert.match(packageJson.engines?.node ?? '', />=\s*20/);
    assert.deepEqual(Object.keys(packageJson.dependencies ?? {}), []);
    assert.equal(packageJson.bin?.kmlint, 'dist/cli.js');
  });
});

describe('the CLI bundle', () => {
  // esbuild marks each bundled module with a `// node_modules/<package>/…` comment; the strings are
  // Octokit's user agents and request-id header, and @actions/core's output delimiter.
  const apiClientCode = /node_modules\/@(octokit|actions)\/|octokit-(core|rest)\.js|x-github-request-id|ghadelimiter_/;

  test('the Action bundle is where the GitHub API client lives (the marker finds it)', async () => {
    assert.match(await readFile(join(repoRoot, 'dist/action/index.js'), 'utf8'), apiClientCode);
  });

  test('dist/cli.js and its chunks contain no GitHub API client or Actions toolkit code', async () => {
    const chunks = (await readdir(join(repoRoot, 'dist/chunks'))).map((name) => join('dist/chunks', name));
    assert.ok(chunks.length > 0);
    for (const file of ['dist/cli.js', ...chunks]) {
      const code = await readFile(join(repoRoot, file), 'utf8');
      assert.doesNotMatch(code, apiClientCode, `${file} has no Octokit or @actions code`);
    }
  });
});

describe('npx kmlint from the installed tarball', () => {
  let installed: InstalledPackage;
  before(async () => {
    installed = await packAndInstall();
    await copyFile(sampleManifest, join(installed.projectDir, 'deployment.yaml'));
  });
  after(() => installed?.remove());

  function npx(...args: Array<string | { input?: string }>) {
    const options = args.find((a) => typeof a !== 'string') ?? {};
    const argv = args.filter((a): a is string => typeof a === 'string');
    return spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['kmlint', ...argv], {
      cwd: installed.projectDir,
      encoding: 'utf8',
      input: options.input,
    });
  }

  test('the install is outside the source tree and has no dependency folders besides kmlint', async () => {
    assert.ok(!installed.projectDir.startsWith(repoRoot));
    assert.deepEqual((await readdir(join(installed.projectDir, 'node_modules'))).filter((d) => !d.startsWith('.')), ['kmlint']);
  });

  test('--version prints the package version', () => {
    const run = npx('--version');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`\\b${packageJson.version.replace(/\./g, '\\.')}\\b`));
  });

  test('every npx command of docs/usage-snippets.md runs (the Helm one on the sample as standard input)', async () => {
    const text = await readFile(join(repoRoot, 'docs/usage-snippets.md'), 'utf8');
    const section = text.split(/^## /m).find((part) => part.startsWith('npx\n')) ?? '';
    const lines = [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => (m[1] ?? '').split('\n'));
    const commands = lines.map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line !== '');
    assert.ok(commands.length >= 3);
    await mkdir(join(installed.projectDir, 'k8s'), { recursive: true });
    await copyFile(sampleManifest, join(installed.projectDir, 'k8s/deployment.yaml'));
    const sample = await readFile(sampleManifest, 'utf8');
    for (const command of commands) {
      const npxPart = command.slice(command.indexOf('npx kmlint'));
      assert.ok(npxPart.startsWith('npx kmlint'), command);
      const run = npx(...npxPart.split(/\s+/).slice(2), { input: command.includes('|') ? sample : undefined });
      assert.ok(run.status === 0 || run.status === 1, `${command} → exit ${run.status}: ${run.stderr}`);
    }
  });

  test('a TypeScript consumer of the packed package compiles against its declarations and runs', async () => {
    const consumer = join(installed.projectDir, 'consumer');
    await mkdir(consumer, { recursive: true });
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, include: ['*.ts'] }),
    );
    await writeFile(
      join(consumer, 'use.ts'),
      [
        "import { defineRule, lint, loadFormatter, rules, VERSION, type Finding, type LintRun, type RuleMeta } from 'kmlint';",
        "const custom = defineRule({ meta: { id: 'team-label', category: 'best-practice', level: 'note', presets: [], summary: 'Objects carry a team label.', remediation: 'Add one.', messages: { missing: 'No team label on {{name}}.' } }, create: (context) => ({ object(object) { if (!object.labels.team) context.report({ messageId: 'missing', data: { name: object.name ?? '' }, at: [...object.path, 'metadata', 'labels'], missing: true }); } }) });",
        "export async function run(): Promise<Finding[]> {",
        "  const result: LintRun = await lint({ paths: ['deployment.yaml'], cwd: '..', rules: [...rules, custom] });",
        "  const meta: RuleMeta[] = rules.map((rule) => rule.meta);",
        "  const sarif = await loadFormatter('sarif');",
        "  sarif(result, { cwd: '..', version: VERSION, rules: meta });",
        '  return result.findings;',
        '}',
        "// @ts-expect-error: parser internals are not part of the public API",
        "import type { lintText } from 'kmlint';",
        '',
      ].join('\n'),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiled = spawnSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });
    assert.equal(compiled.status, 0, `${compiled.stdout}${compiled.stderr}`);
  });

  test('reports the privileged container at its line and exits 1', () => {
    const run = npx('deployment.yaml');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /deployment\.yaml/);
    assert.match(run.stdout, /privileged/i);
    assert.match(run.stdout, /\b21:\d+/, 'the finding carries line 21, where privileged: true is');
  });
});
