// Builds what the package ships: dist/cli.js (the `kmlint` command), dist/index.js (the library), dist/worker.js
// (the worker threads of `--concurrency`), dist/report-worker.js (the thread that writes some of the reports),
// their shared chunks (loaded lazily, so --version and --help start fast) and the Action bundle.
// Only dist/action is committed (the Action runner does not build); `npm install` in a clone (pre-commit)
// and `npm pack` build the CLI and library through the `prepare` script.
import { readdir, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { buildAction } from './build-action.mjs';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

// Bundled CommonJS (yaml, glob's helpers) calls require() for Node built-ins; an ESM file has none.
const requireBanner = [
  "import { createRequire as __kmlintCreateRequire } from 'node:module';",
  'const require = __kmlintCreateRequire(import.meta.url);',
].join('\n');

// The CEL library (CRDs' validation rules) builds its standard library when it loads, and most runs evaluate
// no CEL rule: it is a file of its own beside the chunks, required on first use (src/schema/cel.ts).
const CEL_FILE = 'cel.js';

/** Builds the CLI and library into `outdir` (relative to the repository root). */
export async function buildCli(outdir = 'dist') {
  const chunks = resolve(repoRoot, outdir, 'chunks');
  const cel = await build({
    metafile: true,
    absWorkingDir: repoRoot,
    entryPoints: { [CEL_FILE.replace(/\.js$/, '')]: '@marcbachmann/cel-js' },
    outdir: chunks,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'eof',
    charset: 'ascii',
    logLevel: 'warning',
    write: false,
  });
  const result = await build({
    metafile: true,
    absWorkingDir: repoRoot,
    // The worker threads' entries share the chunks; a run that starts no thread never loads them.
    entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts', 'report-worker': 'src/report-worker.ts' },
    outdir: resolve(repoRoot, outdir),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    // yaml's ESM build (its `default` export condition) can be tree-shaken; its CommonJS build cannot.
    alias: { yaml: './node_modules/yaml/browser/index.js' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: {
      KMLINT_VERSION: JSON.stringify(JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')).version),
      KMLINT_CEL_FILE: JSON.stringify(CEL_FILE),
    },
    banner: { js: requireBanner },
    legalComments: 'eof',
    // Node 20 decodes each ES module's file with TextDecoder, and one byte outside ASCII sends the whole file
    // down the slow path, then V8 compiles it as a two-byte string: about 5 ms of a one-file run's start-up.
    // Strings are escaped; what esbuild copies verbatim (some comments, regular expressions) must be ASCII in
    // the sources (test/startup.test.ts checks the modules a run loads).
    charset: 'ascii',
    logLevel: 'warning',
    write: false,
  });
  writeOutputs([...cel.outputFiles, ...result.outputFiles]);
  // The CEL file is required relative to the module that asks for it: that module must be a chunk.
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.inputs['src/schema/cel.ts'] && resolve(repoRoot, file) !== resolve(chunks, file.split('/').pop())) {
      throw new Error(`src/schema/cel.ts was bundled into ${file}, not a chunk beside ${CEL_FILE}`);
    }
  }
  // Stale chunks go after the build, not before: a kmlint already running (tests run in parallel with
  // `npm pack`, which rebuilds) never finds its chunks missing. Names are content hashes.
  const written = new Set([...Object.keys(result.metafile.outputs), ...Object.keys(cel.metafile.outputs)].map((file) => resolve(repoRoot, file)));
  for (const name of await readdir(chunks)) {
    if (!written.has(resolve(chunks, name))) await rm(resolve(chunks, name), { force: true });
  }
}

/**
 * Writes a build's files so that a kmlint running meanwhile (tests run beside `npm pack`, which rebuilds) never
 * reads half a file: each is written beside its place and renamed over it, a file whose bytes are unchanged is
 * left alone, and the chunks go before the entries that import them.
 */
function writeOutputs(files) {
  const chunksFirst = [...files].sort((a, b) => Number(!a.path.includes(`${sep}chunks${sep}`)) - Number(!b.path.includes(`${sep}chunks${sep}`)));
  for (const file of chunksFirst) {
    // The command (a file with a `#!` line) stays executable, as esbuild leaves it.
    const mode = file.contents[0] === 0x23 && file.contents[1] === 0x21 ? 0o755 : 0o644;
    if (existsSync(file.path) && (statSync(file.path).mode & 0o777) === mode && readFileSync(file.path).equals(file.contents)) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents, { mode });
    chmodSync(temporary, mode);
    renameSync(temporary, file.path);
  }
}

/** The library's type declarations (dist/types), from the public entry point src/index.ts. */
function buildTypes() {
  rmSync(resolve(repoRoot, 'dist', 'types'), { recursive: true, force: true });
  const tsc = resolve(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cliOnly = process.argv.includes('--cli-only');
  const outdir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';
  await buildCli(outdir);
  if (outdir === 'dist') buildTypes();
  if (cliOnly) {
    console.error(`built ${outdir}/cli.js and ${outdir}/index.js`);
  } else {
    await buildAction(`${outdir}/action`);
    console.error(`built ${outdir}/cli.js, ${outdir}/index.js and ${outdir}/action/index.js`);
  }
}
