// Bundles the GitHub Action (src/action/main.ts) into dist/action/index.js, committed because the runner
// executes the tagged repository as is, without `npm install`.
// Usage: node scripts/build-action.mjs [outdir]   (default dist/action)
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

// Some bundled CommonJS code (tunnel, via @actions/http-client) calls require("net"); an ESM bundle has no
// `require`, so define one under names that cannot clash with bundled code.
const requireBanner = [
  "import { createRequire as __kmlintCreateRequire } from 'node:module';",
  'const require = __kmlintCreateRequire(import.meta.url);',
].join('\n');

/** Builds the Action into `outdir` (absolute or relative to the repository root) and returns the written files. */
export async function buildAction(outdir = 'dist/action') {
  const out = resolve(repoRoot, outdir);
  await mkdir(out, { recursive: true });
  await build({
    absWorkingDir: repoRoot, // keeps the path comments in the bundle relative, so output is byte-identical anywhere
    entryPoints: ['src/action/main.ts'],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The runner uses Node 24; node20 syntax keeps the bundle runnable on the Node 20 used in development.
    target: 'node20',
    define: { KMLINT_VERSION: JSON.stringify(JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')).version) },
    banner: { js: requireBanner },
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
  });
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  return [join(out, 'index.js'), join(out, 'package.json')];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildAction(process.argv[2]);
  for (const file of files) console.log(`wrote ${file}`);
}
