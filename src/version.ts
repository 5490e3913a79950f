import { createRequire } from 'node:module';

/** Set by the build (esbuild `define`), so bundles carry the version and not all of package.json. */
declare const KMLINT_VERSION: string | undefined;

export const VERSION: string =
  typeof KMLINT_VERSION === 'string' ? KMLINT_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
export const HOMEPAGE = 'https://github.com/kmlint/kmlint';
