/**
 * Speed and memory, measured (never asserted in tests). Each measurement runs in its own process so
 * peak memory is its own. Prints documents/s, MB/s, peak RSS and two ratios from the same run:
 *   kmlint ÷ a bare `yaml.parseAllDocuments` + `toJS` pass over the same texts   (goal: at most 1.3)
 *   a one-file `kmlint` run ÷ `node -e 0`                                        (goal: at most 2)
 *
 *   npm run bench                   the real corpus once, then repeated to >= 50,000 documents
 *   npm run bench -- --quick        the corpus once, and start-up
 *   npm run bench -- --cross-object time and peak memory at 100,000 documents, with and without the
 *                                   cross-object rules (the index and its waiting checks)
 *   npm run bench -- --render       `kmlint --render` on a generated repository of kustomize overlays over one
 *                                   base (needs kubectl): wall time, and the time of one render after another
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');
const TARGET_DOCUMENTS = 50_000;

interface Measurement {
  ms: number;
  documents: number;
  bytes: number;
  maxRssMb: number;
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Runs in a child: lints (or bare-parses) the corpus `repeat` times from memory and reports. */
type Mode = 'kmlint' | 'kmlint-single' | 'bare';

async function worker(mode: Mode, repeat: number): Promise<void> {
  const texts = corpusFiles().map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));
  const bytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) * repeat;
  let documents = 0;
  let run: (file: string, text: string) => void;
  let finish = async (): Promise<void> => undefined;
  if (mode !== 'bare') {
    const kmlint = (await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
    // One run over every copy, as the CLI does: one index, cross-object checks at the end.
    const rules = mode === 'kmlint' ? kmlint.rules : kmlint.rules.filter((rule) => !rule.meta.crossObject);
    const sources: import('../src/index.js').Source[] = [];
    run = (file, text) => {
      sources.push({ display: `${sources.length}/${file}`, read: async () => ({ text }) });
    };
    finish = async () => {
      const result = await kmlint.lintSources(sources, { cwd: ROOT, rules, presets: ['all'], context: [] });
      documents = result.files.reduce((sum, file) => sum + file.documents, 0);
    };
  } else {
    const { isScalar, parseAllDocuments } = await import('yaml');
    run = (_file, text) => {
      for (const doc of parseAllDocuments(text)) {
        // Count documents as kmlint does: not comment-only ones, nor the empty one after a trailing `---`.
        if (doc.contents === null || (isScalar(doc.contents) && doc.contents.source === '')) continue;
        doc.toJS({ maxAliasCount: -1 });
        documents++;
      }
    };
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) for (const { file, text } of texts) run(file, text);
  await finish();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const measurement: Measurement = { ms, documents, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measurement));
}

function measure(mode: Mode, repeat: number): Measurement {
  const out = execFileSync(process.execPath, ['--no-warnings', '--import', 'tsx', fileURLToPath(import.meta.url), '--worker', mode, String(repeat)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
  });
  return JSON.parse(out) as Measurement;
}

function medianMs(command: string, args: string[], runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function report(label: string, kmlint: Measurement, bare: Measurement): void {
  const mb = kmlint.bytes / 1024 / 1024;
  console.log(`\n${label}: ${kmlint.documents.toLocaleString('en')} documents, ${mb.toFixed(1)} MB`);
  console.log(`  kmlint     ${(kmlint.ms / 1000).toFixed(2)} s  ${Math.round((kmlint.documents / kmlint.ms) * 1000).toLocaleString('en')} documents/s  ${((mb / kmlint.ms) * 1000).toFixed(2)} MB/s  peak ${kmlint.maxRssMb.toFixed(0)} MB`);
  console.log(`  bare parse ${(bare.ms / 1000).toFixed(2)} s  ${Math.round((bare.documents / bare.ms) * 1000).toLocaleString('en')} documents/s  ${((mb / bare.ms) * 1000).toFixed(2)} MB/s  peak ${bare.maxRssMb.toFixed(0)} MB`);
  console.log(`  ratio kmlint / bare parse + toJS: ${(kmlint.ms / bare.ms).toFixed(2)} (goal: at most 1.3)`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') return worker(args[1] as Mode, Number(args[2]));
  const quick = args.includes('--quick');
  console.log(`kmlint bench on ${process.version}, ${corpusFiles().length} files of ../shared/corpus/real (dist/ bundle)`);

  if (args.includes('--render')) return benchRender(Number(args[args.indexOf('--render') + 1]) || 16);
  if (args.includes('--cross-object')) {
    const once = measure('kmlint', 1);
    const repeat = Math.ceil(100_000 / once.documents);
    const bare = measure('bare', repeat);
    report(`real corpus x${repeat}, every rule (cross-object rules included)`, measure('kmlint', repeat), bare);
    report(`real corpus x${repeat}, without cross-object rules`, measure('kmlint-single', repeat), bare);
    return;
  }

  // A warm-up pass of each, so neither side pays the first-run disk cache.
  measure('bare', 1);
  report('real corpus, once', measure('kmlint', 1), measure('bare', 1));
  if (!quick) {
    const once = measure('kmlint', 1);
    const repeat = Math.ceil(TARGET_DOCUMENTS / once.documents);
    report(`real corpus x${repeat}`, measure('kmlint', repeat), measure('bare', repeat));
  }

  const oneFile = path.join('examples', 'web.yaml');
  const node = medianMs(process.execPath, ['-e', '0']);
  const cli = medianMs(process.execPath, [path.join('dist', 'cli.js'), '--no-color', oneFile]);
  const version = medianMs(process.execPath, [path.join('dist', 'cli.js'), '--version']);
  console.log(`\nstart-up (median of 15): node -e 0 ${node.toFixed(0)} ms; kmlint --version ${version.toFixed(0)} ms; kmlint on one file ${cli.toFixed(0)} ms`);
  console.log(`  ratio one-file run / node -e 0: ${(cli / node).toFixed(2)} (goal: at most 2)`);
  if (!quick) {
    const { measurePackedStartup } = await import('./bench-startup.js');
    const packed = await measurePackedStartup();
    console.log(`  packed package (npm pack, installed offline): one file ${packed.ms.toFixed(0)} ms, node -e 0 ${packed.nodeBaselineMs.toFixed(0)} ms, ratio ${(packed.ms / packed.nodeBaselineMs).toFixed(2)}`);
  }
}

/** Overlays over the fixture base, each with a prefix and a patch: the layout of a GitOps repository. */
function renderFixture(overlays: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kmlint-bench-render-'));
  cpSync(path.join(ROOT, 'test', 'manifests', 'render', 'kustomize', 'base'), path.join(root, 'base'), { recursive: true });
  for (let index = 0; index < overlays; index++) {
    const dir = path.join(root, 'overlays', `env-${index}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'kustomization.yaml'), `namePrefix: env-${index}-\nnamespace: env-${index}\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n`);
    writeFileSync(path.join(dir, 'replicas.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${index + 1}\n`);
  }
  return root;
}

function benchRender(overlays: number): void {
  const root = renderFixture(overlays);
  try {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const whole = medianMs(process.execPath, [cli, '--render', '--format', 'json', root], 5);
    const one = medianMs(process.execPath, [cli, '--kustomize', path.join(root, 'overlays', 'env-0'), '--format', 'json'], 5);
    const kubectl = medianMs('kubectl', ['kustomize', path.join(root, 'overlays', 'env-0')], 5);
    console.log(`\nrender and lint, ${overlays} overlays over one base, ${availableParallelism()} cores (median of 5):`);
    console.log(`  kmlint --render       ${whole.toFixed(0)} ms`);
    console.log(`  one overlay           ${one.toFixed(0)} ms (kubectl kustomize alone: ${kubectl.toFixed(0)} ms)`);
    const started = process.hrtime.bigint();
    for (let index = 0; index < overlays; index++) spawnSync('kubectl', ['kustomize', path.join(root, 'overlays', `env-${index}`)], { stdio: 'ignore' });
    console.log(`  kubectl kustomize on every overlay, one after another: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
