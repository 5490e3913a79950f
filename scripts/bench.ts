/**
 * Speed and memory of the CLI end to end, measured (never asserted in tests). Each measurement runs in its
 * own process so peak memory is its own. The CLI lints a folder of copies of the real corpus with every
 * rule on and writes a report in every format to files, as a CI job does; the same texts are then parsed
 * bare (`yaml.parseAllDocuments` + `toJS`) and CST-only (`yaml`'s Parser and Composer) for the ratios, and by
 * `yaml`'s Parser alone (the tokens kmlint builds values from: the least any run of it can cost), and by
 * kmlint's own parse (values and positions built from those tokens, no rule run). A second CLI run with the
 * default preset and one JSON report gives the ratio of the run most users make.
 *
 *   npm run bench                   the corpus x1 and x38 (about 50,000 documents), then start-up; each scale
 *                                   also with --concurrency auto, for the worker speed-up, and twice with
 *                                   --cache (a fresh cache, then unchanged files), for the cache speed-up, with
 *                                   every rule and eight reports and with the default preset and one report
 *   npm run bench -- --quick        the corpus x1, and start-up
 *   npm run bench -- --huge         also x750 (about a million documents, 6.7 GB of copies, each copy's names and
 *                                   namespaces its own): the CLI with every rule and eight reports, and the two
 *                                   parses; hours on two cores
 *   npm run bench -- --cross-object x76 only (about 100,000 documents, the memory goal's size; names distinct per copy)
 *   npm run bench -- --memory       the CLI alone at x1, x5 and x10: peak RSS and its growth per 1,000 documents
 *   npm run bench -- --render       `kmlint --render` on a generated repository of kustomize overlays over one
 *                                   base (needs kubectl): wall time, and the time of one render after another
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');

interface Measurement {
  ms: number;
  documents: number;
  bytes: number;
  maxRssMb: number;
}

function corpusFiles(folder = CORPUS): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * `tokens`: the Parser's syntax tree alone, which kmlint's values are built from; `values`: kmlint's parse of
 * each file (`parseYamlFile` with the fast path, `src/yaml/parse.ts`), what every run does before any rule.
 */
type Mode = 'bare' | 'cst' | 'tokens' | 'values';

/** Runs in a child: parses the folder's files bare, CST-only or into tokens alone, and reports. */
async function worker(mode: Mode, folder: string): Promise<void> {
  const yaml = await import('yaml');
  const { parseYamlFile } = await import('../src/yaml/parse.js');
  const files = corpusFiles(folder);
  let documents = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    if (mode === 'bare') {
      for (const doc of yaml.parseAllDocuments(text)) {
        // Count documents as kmlint does: not comment-only ones, nor the empty one after a trailing `---`.
        if (doc.contents === null || (yaml.isScalar(doc.contents) && doc.contents.source === '')) continue;
        doc.toJS({ maxAliasCount: -1 });
        documents++;
      }
    } else if (mode === 'cst') {
      for (const doc of new yaml.Composer().compose(new yaml.Parser().parse(text), true)) if (doc.contents !== null) documents++;
    } else if (mode === 'tokens') {
      // A document of comments alone has no value: kmlint does not count it.
      for (const token of new yaml.Parser().parse(text)) if (token.type === 'document' && token.value !== undefined) documents++;
    } else {
      for (const document of parseYamlFile(text, { fast: true }).documents) if (!document.empty) documents++;
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const measurement: Measurement = { ms, documents, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measurement));
}

/** The peak memory of the CLI's own process, printed on stderr as it exits. */
const RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nbench-max-rss "+process.resourceUsage().maxRSS+"\\n"))`;
const FORMAT_NAMES = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit', 'rdjson', 'checkstyle'];

/**
 * The CLI on a folder: every rule, a report in every format written to files; or (`typical`) the default
 * preset and one JSON report, the run most users make.
 */
function measureCli(folder: string, flags: readonly string[] = [], typical = false): Measurement {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-bench-out-'));
  try {
    const args = ['--import', RSS_HOOK, path.join(ROOT, 'dist', 'cli.js'), ...(typical ? [] : ['--preset', 'all']), '--no-context', '--no-color', ...flags];
    for (const format of typical ? ['json'] : FORMAT_NAMES) args.push('--format', `${format}=${path.join(out, `report.${format}`)}`);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [...args, folder], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0 && run.status !== 1) throw new Error(`kmlint exited ${run.status}: ${run.stderr.slice(-2000)}`);
    const rss = /bench-max-rss (\d+)/.exec(run.stderr);
    return {
      ms,
      documents: reportedDocuments(path.join(out, 'report.json')),
      bytes: corpusFiles(folder).reduce((sum, file) => sum + readFileSync(file).length, 0),
      maxRssMb: Number(rss?.[1] ?? 0) / 1024,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The documents the JSON report counts, read in pieces: at x38 the report is past V8's longest string, so it
 * cannot be read whole. Each file entry's `documents` sits on a line of its own, six spaces in; no finding has
 * that field.
 */
function reportedDocuments(file: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 24);
  const decoder = new StringDecoder('utf8');
  let documents = 0;
  let rest = '';
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) documents += Number(/^ {6}"documents": (\d+)/.exec(line)?.[1] ?? 0);
    }
  } finally {
    closeSync(fd);
  }
  return documents;
}

/**
 * A folder holding `copies` copies of the corpus (c1/, c2/, …): the CLI reads real files, as in CI.
 * `distinct`: each copy's names and namespaces are its own (see `distinctNames`), as the objects of one large
 * repository are. Plain copies share every identity, so the tables the index keeps by name stay small, and
 * each Service of a namespace selects the pods of every copy: at x750 one check's relations grew with the
 * square of the copies.
 */
function corpusCopies(copies: number, distinct = false): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), `kmlint-bench-x${copies}-`));
  for (let i = 1; i <= copies; i++) {
    const copy = path.join(folder, `c${i}`);
    cpSync(CORPUS, copy, { recursive: true });
    if (distinct) distinctNames(copy, `-c${i}`);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A `name:` or `namespace:` line, not a list item's first, whose value is a plain word (not quoted, not a template). */
const NAME_LINE = /^([ \t]*(?:name|namespace): )([A-Za-z0-9][-A-Za-z0-9.]*)([ \t\r]*)$/gm;

/**
 * Gives every plain `name:` and `namespace:` value of the YAML files under `folder` a suffix. Lines and columns
 * stay where they were. References written under those keys (a binding's role, a volume's ConfigMap) follow;
 * those under other keys (`serviceAccountName`, a named `targetPort`) no longer resolve, so the copies report
 * somewhat more than the corpus times the copies.
 */
function distinctNames(folder: string, suffix: string): void {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const renamed = text.replace(NAME_LINE, (_, key: string, value: string, rest: string) => `${key}${value}${suffix}${rest}`);
    if (renamed !== text) writeFileSync(file, renamed);
  }
}

function measure(mode: Mode, folder: string): Measurement {
  const out = execFileSync(process.execPath, ['--no-warnings', '--import', 'tsx', fileURLToPath(import.meta.url), '--worker', mode, folder], {
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

function line(label: string, m: Measurement, mb: number): string {
  return `  ${label.padEnd(13)}${(m.ms / 1000).toFixed(2).padStart(8)} s  ${Math.round((m.documents / m.ms) * 1000).toLocaleString('en').padStart(7)} documents/s  ${((mb / m.ms) * 1000).toFixed(2).padStart(6)} MB/s  peak ${m.maxRssMb.toFixed(0)} MB`;
}

/** `--cache` on an unchanged folder: a first run that fills a fresh cache, then a second that reads it. */
function measureCache(folder: string, typical = false): { first: Measurement; second: Measurement } {
  const cache = mkdtempSync(path.join(tmpdir(), 'kmlint-bench-cache-'));
  try {
    const flags = ['--cache', '--cache-location', path.join(cache, '.kmlintcache')];
    const first = measureCli(folder, flags, typical);
    return { first, second: measureCli(folder, flags, typical) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

interface Scale {
  kmlint: Measurement;
  bare: Measurement;
  cst: Measurement;
  tokens: Measurement;
  values: Measurement;
  /** The rest is measured at x1 and x38 only: at x750 each run takes about an hour. */
  typical?: Measurement;
  threads?: Measurement;
  cache?: { first: Measurement; second: Measurement };
  /** The same with the default preset and one JSON report. */
  typicalCache?: { first: Measurement; second: Measurement };
}

function report(label: string, { kmlint, typical, bare, cst, tokens, values, threads, cache, typicalCache }: Scale): void {
  const mb = kmlint.bytes / 1024 / 1024;
  console.log(`\n${label}: ${kmlint.documents.toLocaleString('en')} documents, ${mb.toFixed(1)} MB`);
  console.log(line('kmlint CLI', kmlint, mb));
  if (typical) console.log(line('default+json', typical, mb));
  console.log(line('bare parse', bare, mb));
  console.log(line('CST only', cst, mb));
  console.log(line('tokens only', tokens, mb));
  console.log(line('kmlint parse', values, mb));
  console.log(`  ratio kmlint / bare parse + toJS: ${(kmlint.ms / bare.ms).toFixed(2)}; kmlint / CST-only parse: ${(kmlint.ms / cst.ms).toFixed(2)}; peak memory goal: under 400 MB`);
  if (typical) console.log(`  ratio with the default preset and a JSON report / bare parse + toJS: ${(typical.ms / bare.ms).toFixed(2)} (goal: at most 0.8)`);
  // The Parser's tokens, then the values built from them, are what any run costs before a rule runs.
  console.log(`  floors under both ratios: the tokens alone / bare parse + toJS ${(tokens.ms / bare.ms).toFixed(2)}; kmlint's parse, no rule run, ${(values.ms / bare.ms).toFixed(2)}`);
  if (threads) {
    console.log(line('--conc auto', threads, mb));
    console.log(`  worker speed-up, --concurrency auto (${availableParallelism()} cores) over one thread: ${(kmlint.ms / threads.ms).toFixed(2)}x (goal on x38, cores free: at least 1.6x)`);
  }
  if (cache) {
    console.log(line('--cache 1st', cache.first, mb));
    console.log(line('--cache 2nd', cache.second, mb));
    console.log(`  cache: the unchanged second run takes ${((cache.second.ms / cache.first.ms) * 100).toFixed(0)}% of the first (goal: at most 20%)`);
  }
  if (typicalCache) {
    console.log(`  cache with the default preset and a JSON report: ${(typicalCache.first.ms / 1000).toFixed(2)} s, then ${(typicalCache.second.ms / 1000).toFixed(2)} s, ${((typicalCache.second.ms / typicalCache.first.ms) * 100).toFixed(0)}% (peak ${typicalCache.second.maxRssMb.toFixed(0)} MB)`);
  }
}

/**
 * The measurement of median `key` among `runs` (by default its time): a run of a few seconds moves by a tenth
 * or more from one to the next on a shared machine, enough to swing a ratio past its goal.
 */
function median<T>(runs: number, take: () => T, key: (value: T) => number = (value) => (value as { ms: number }).ms): T {
  const all = Array.from({ length: runs }, take).sort((a, b) => key(a) - key(b));
  return all[Math.floor(runs / 2)]!;
}

/** Runs per figure: three at the corpus's own size (medians), one where a run takes a minute or more. */
const runsAt = (copies: number): number => (copies === 1 ? 3 : 1);

/**
 * CLI and both parses over `copies` copies of the corpus; the CLI's measurement. `endToEndOnly`: the CLI with
 * every rule and the two parses, no more (x750, where each run takes about an hour on two cores).
 */
function scale(copies: number, label = `real corpus x${copies}`, endToEndOnly = false, distinct = false): Measurement {
  const corpus = corpusCopies(copies, distinct);
  const runs = runsAt(copies);
  try {
    const kmlint = median(runs, () => measureCli(corpus.folder));
    if (endToEndOnly) {
      report(`${label} (the CLI with every rule and the parses; the other lines at x1 and x38)`, { kmlint, bare: measure('bare', corpus.folder), cst: measure('cst', corpus.folder), tokens: measure('tokens', corpus.folder), values: measure('values', corpus.folder) });
      return kmlint;
    }
    const typical = median(runs, () => measureCli(corpus.folder, [], true));
    const threads = median(runs, () => measureCli(corpus.folder, ['--concurrency', 'auto']));
    const bare = median(runs, () => measure('bare', corpus.folder));
    const cst = median(runs, () => measure('cst', corpus.folder));
    const tokens = median(runs, () => measure('tokens', corpus.folder));
    const values = median(runs, () => measure('values', corpus.folder));
    const cache = median(runs, () => measureCache(corpus.folder), (pair) => pair.second.ms / pair.first.ms);
    const typicalCache = median(runs, () => measureCache(corpus.folder, true), (pair) => pair.second.ms / pair.first.ms);
    report(runs > 1 ? `${label} (medians of ${runs} runs)` : label, { kmlint, typical, bare, cst, tokens, values, threads, cache, typicalCache });
    return kmlint;
  } finally {
    corpus.remove();
  }
}

/** How much the CLI's peak grows per 1,000 documents between two sizes: what bounded memory drives to zero. */
function growth(small: Measurement, large: Measurement): string {
  const perThousand = ((large.maxRssMb - small.maxRssMb) / (large.documents - small.documents)) * 1000;
  return `  peak RSS growth ${small.documents.toLocaleString('en')} → ${large.documents.toLocaleString('en')} documents: ${perThousand.toFixed(1)} MB per 1,000 documents`;
}

/** The CLI alone at a few small sizes: peak memory and its growth per document, in about a minute. */
function memory(sizes: readonly number[]): void {
  let last: Measurement | undefined;
  for (const copies of sizes) {
    const corpus = corpusCopies(copies);
    try {
      const kmlint = measureCli(corpus.folder);
      console.log(`\nreal corpus x${copies}: ${kmlint.documents.toLocaleString('en')} documents, ${(kmlint.ms / 1000).toFixed(1)} s, peak ${kmlint.maxRssMb.toFixed(0)} MB`);
      if (last) console.log(growth(last, kmlint));
      last = kmlint;
    } finally {
      corpus.remove();
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') return worker(args[1] as Mode, args[2]!);
  const quick = args.includes('--quick');
  console.log(`kmlint bench on ${process.version}, ${corpusFiles().length} files of ../shared/corpus/real (dist/ bundle), reports in ${FORMAT_NAMES.length} formats written to files`);

  if (args.includes('--render')) return benchRender(Number(args[args.indexOf('--render') + 1]) || 16);
  if (args.includes('--memory')) return memory([1, 5, 10]);
  if (args.includes('--cross-object')) {
    // End to end only: the other lines (threads, the cache) would take most of an hour at this size.
    scale(76, 'real corpus x76, names distinct per copy (about 100,000 documents)', true, true);
    return;
  }
  // A warm-up pass, so no side pays the first-run disk cache.
  measure('bare', CORPUS);
  const once = scale(1, 'real corpus, once');
  if (!quick) console.log(growth(once, scale(38)));
  if (args.includes('--huge')) console.log(growth(once, scale(750, 'real corpus x750, names distinct per copy', true, true)));

  const oneFile = path.join('examples', 'web.yaml');
  const node = medianMs(process.execPath, ['-e', '0']);
  const cli = medianMs(process.execPath, [path.join('dist', 'cli.js'), '--no-color', oneFile]);
  const version = medianMs(process.execPath, [path.join('dist', 'cli.js'), '--version']);
  // The library's modules are what a one-file run loads before it reads the file: loading them, and nothing
  // more, is the least such a run costs.
  const load = medianMs(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))})`]);
  console.log(`\nstart-up (median of 15): node -e 0 ${node.toFixed(0)} ms; kmlint --version ${version.toFixed(0)} ms; kmlint on one file ${cli.toFixed(0)} ms; loading the library, no file linted, ${load.toFixed(0)} ms`);
  console.log(`  ratio one-file run / node -e 0: ${(cli / node).toFixed(2)} (goal: at most 1.5); loading alone / node -e 0: ${(load / node).toFixed(2)} (the floor under it)`);
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
