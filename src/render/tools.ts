/** The renderers kmlint calls (kubectl, kustomize, helm): found on PATH, run without a shell, in parallel. */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Absolute path of an executable on PATH, or undefined. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface ToolResult {
  ok: boolean;
  stdout: string;
  /** What the tool said on failure, cleaned of log prefixes. */
  message: string;
}

/** Renders can be large: allow up to 256 MB of output before giving up. */
const MAX_OUTPUT = 256 * 1024 * 1024;

export function runTool(command: string, args: readonly string[], cwd: string): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ ok: true, stdout, message: '' });
        return;
      }
      const said = cleanMessage(stderr) || (error as Error).message;
      resolve({ ok: false, stdout, message: said });
    });
  });
}

/**
 * kubectl logs its failure as `E1130 21:59:41.088975 933 run.go:72] "command failed" err="…"`; helm writes
 * `Error: …`. Keep what the user needs: the error text, on one line.
 */
export function cleanMessage(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const text = lines
    .map((line) => {
      const klog = /^[EWIF]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\] "command failed" err="(.*)"$/.exec(line);
      return klog ? klog[1]!.replace(/\\"/g, '"') : line.replace(/^Error: /, '');
    })
    .join(' ');
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** Runs `work` on every item, at most as many at once as the machine has cores; results keep the items' order. */
export async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = availableParallelism()): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
