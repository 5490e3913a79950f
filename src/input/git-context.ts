/**
 * The manifests a git repository tracks: the context of a partial run (a pre-commit hook passes only the
 * changed files, yet a Service's pods may live in an unchanged file). Git is asked once; no git, no context.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_EXTENSIONS } from './discover.js';

const run = promisify(execFile);

/** Tracked manifest files (absolute paths) of the repository holding `dir`, or [] outside a repository. */
export async function trackedManifests(dir: string): Promise<string[]> {
  try {
    const { stdout: top } = await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
    const root = top.trim();
    const { stdout } = await run('git', ['ls-files', '-z', '--cached'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    return stdout
      .split('\0')
      .filter((file) => file && MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase()))
      // Raw Helm templates are not YAML until rendered.
      .filter((file) => !/(^|\/)templates\//.test(file))
      .map((file) => path.join(root, file));
  } catch {
    return [];
  }
}
