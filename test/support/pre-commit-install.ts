/**
 * Installs the repository the way pre-commit installs a `language: node` hook: a fresh copy of what git
 * tracks, `npm install` in it (which runs `prepare`, building the bin), `npm pack`, then a global install
 * of the tarball into a private prefix. Offline: npm's cache already holds what `npm ci` fetched.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface HookInstall {
  /** Holds the global prefix's bin folder: put it first on PATH. */
  binDir: string;
  root: string;
  remove(): Promise<void>;
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--offline', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function installLikePreCommit(repoRoot: string): Promise<HookInstall> {
  const root = await mkdtemp(join(tmpdir(), 'kmlint-pre-commit-'));
  const clone = join(root, 'repo');
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    await mkdir(dirname(join(clone, file)), { recursive: true });
    await copyFile(join(repoRoot, file), join(clone, file)).catch(() => undefined); // a file deleted in the work tree
  }
  npm(['install', '--include=dev', '--include=prod', '--no-progress', '--no-save'], clone);
  npm(['pack', '--pack-destination', root], clone);
  const tarball = (await readdir(root)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const prefix = join(root, 'prefix');
  npm(['install', '-g', '--prefix', prefix, join(root, tarball)], clone);
  return {
    root,
    binDir: process.platform === 'win32' ? prefix : join(prefix, 'bin'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
