/** `--cache` and `--cache-location` → where the cache lives and what of the configuration keys it. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../input/display-path.js';
import { digest } from './key.js';

export const DEFAULT_CACHE_FILE = '.kmlintcache';

export interface CacheOptions {
  /** Absolute path of the cache file. */
  file: string;
  /** Its name in messages. */
  display: string;
  /** Digest of what the caller knows and the driver does not (the configuration file's overrides). */
  configKey?: string;
}

export interface CacheFlags {
  cache?: boolean;
  'cache-location'?: string;
}

/**
 * Undefined without `--cache`; `--cache-location` names a file, or a folder to put `.kmlintcache` in.
 * `config` is the configuration file the run reads, if any.
 */
export function cacheOptions(flags: CacheFlags, cwd: string, config: string | undefined): CacheOptions | undefined {
  if (!flags.cache) return undefined;
  const location = path.resolve(cwd, flags['cache-location'] ?? DEFAULT_CACHE_FILE);
  const inFolder = flags['cache-location'] !== undefined && (/[\\/]$/.test(flags['cache-location']) || isDirectory(location));
  const file = inFolder ? path.join(location, DEFAULT_CACHE_FILE) : location;
  // The configuration file's whole text: its per-file overrides reach the run as code, not as data.
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
export function cacheSummary(cache: { hits: number; replayed: boolean; context?: { hits: number; files: number } }, files: number): string {
  if (cache.replayed) return 'no input changed, the last run replayed';
  const context = cache.context?.files ? `, ${cache.context.hits} of ${cache.context.files} context files` : '';
  return `${cache.hits} of ${files} files unchanged${context}`;
}
