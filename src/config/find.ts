/** Finds the config file: the nearest `.kmlint.yaml`, `.kmlint.yml` or `kmlint.config.json`, walking up. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['.kmlint.yaml', '.kmlint.yml', 'kmlint.config.json'] as const;

export function findConfigFile(cwd: string): string | undefined {
  let directory = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
