/**
 * Start-up of the packed package: what a user waits for with `npx kmlint one-file.yaml`.
 * Packs the repository, installs the tarball into a temporary folder outside the source tree, and times
 * `node <installed>/node_modules/kmlint/dist/cli.js <one file>` against `node -e 0` (median of 15 runs).
 * Run alone with `node --import tsx scripts/bench-startup.ts`; `npm run bench` calls measurePackedStartup().
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SAMPLE_MANIFEST = join(repoRoot, 'test/manifests/action/startup/deployment.yaml');
const RUNS = 15;

export interface InstalledPackage {
  /** A project folder with kmlint installed from the packed tarball. */
  projectDir: string;
  tarball: string;
  /** `node_modules/.bin`, where npm links the `kmlint` command. */
  binDir: string;
  cliPath: string;
  remove(): Promise<void>;
}

/** `npm pack` of the built dist/ (no prepare: a rebuild would race other tests running the CLI) + `npm install --offline <tarball>` in a fresh temporary folder. */
export async function packAndInstall(): Promise<InstalledPackage> {
  const root = await mkdtemp(join(tmpdir(), 'kmlint-packed-'));
  const packDir = join(root, 'pack');
  const projectDir = join(root, 'project');
  await mkdir(packDir);
  await mkdir(projectDir);
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], repoRoot)) as Array<{ filename: string }>;
  const tarball = join(packDir, packed[0]?.filename ?? '');
  await writeFile(join(projectDir, 'package.json'), '{ "name": "kmlint-packed-check", "private": true }\n');
  npm(['install', '--no-audit', '--no-fund', '--offline', tarball], projectDir);
  return {
    projectDir,
    tarball,
    binDir: join(projectDir, 'node_modules', '.bin'),
    cliPath: join(projectDir, 'node_modules', 'kmlint', 'dist', 'cli.js'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export async function measurePackedStartup(): Promise<{ ms: number; nodeBaselineMs: number }> {
  const installed = await packAndInstall();
  try {
    const manifest = join(installed.projectDir, 'deployment.yaml');
    await copyFile(SAMPLE_MANIFEST, manifest);
    const lintOnce = () => {
      const run = spawnSync(process.execPath, [installed.cliPath, manifest], { cwd: installed.projectDir, encoding: 'utf8' });
      // 1 only means findings; 2 means the timing would measure a failure.
      if (run.status !== 0 && run.status !== 1) throw new Error(`kmlint exited ${run.status}: ${run.stderr}`);
    };
    const nodeOnce = () => {
      spawnSync(process.execPath, ['-e', '0']);
    };
    return { ms: medianMs(lintOnce), nodeBaselineMs: medianMs(nodeOnce) };
  } finally {
    await installed.remove();
  }
}

function medianMs(run: () => void): number {
  run(); // warm the file system cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
}

function npm(args: string[], cwd: string): string {
  const npmCli = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npmCli, args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ms, nodeBaselineMs } = await measurePackedStartup();
  console.log(`packed kmlint, one file: ${ms} ms (node -e 0: ${nodeBaselineMs} ms, kmlint's own share: ${Math.round((ms - nodeBaselineMs) * 10) / 10} ms)`);
}
