/** `--cache` and `--cache-location` → where the cache lives and what of the configuration keys it. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '../config/find.js';
import { displayPath } from '../input/display-path.js';
import { digest } from './key.js';
import type { CacheOptions } from './run-cache.js';

export const DEFAULT_CACHE_FILE = '.kmlintcache';

export interface CacheFlags {
  cache?: boolean;
  'cache-location'?: string;
  config?: string;
  'no-config'?: boolean;
}

/** Undefined without `--cache`; `--cache-location` names a file, or a folder to put `.kmlintcache` in. */
export function cacheOptions(flags: CacheFlags, cwd: string): CacheOptions | undefined {
  if (!flags.cache) return undefined;
  const location = path.resolve(cwd, flags['cache-location'] ?? DEFAULT_CACHE_FILE);
  const inFolder = flags['cache-location'] !== undefined && (/[\\/]$/.test(flags['cache-location']) || isDirectory(location));
  const file = inFolder ? path.join(location, DEFAULT_CACHE_FILE) : location;
  // The configuration file's whole text: its per-file overrides reach the run as code, not as data.
  const config = flags['no-config'] ? undefined : flags.config !== undefined ? path.resolve(cwd, flags.config) : findConfigFile(cwd);
  return { file, display: displayPath(cwd, file), configKey: digest({ config: config === undefined ? null : readText(config) }) };
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The `--verbose` line about what the cache served. */
export function cacheSummary(cache: { hits: number; replayed: boolean }, files: number): string {
  return cache.replayed ? 'no input changed, the last run replayed' : `${cache.hits} of ${files} files unchanged`;
}
