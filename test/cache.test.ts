/** `--cache`: a cached run reports exactly what an uncached one does, and reuses only what is still valid. */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { deserialize } from 'node:v8';
import { CLI, cliEnv, runCli } from './support/cli.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';
import { FAKE } from './secrets/fake-tokens.js';
import { CACHE_VERSION, LintCache, readCache, type CacheContent } from '../src/cache/store.js';
import { countFindings } from '../src/findings/counts.js';
import type { Finding } from '../src/types.js';

const FIXTURES = path.join(REPO_ROOT, 'test/manifests/cache');

function copyOf(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-cache-'));
  cpSync(source, path.join(dir, 'in'), { recursive: true });
  return dir;
}

const FORMATS = ['json', 'sarif', 'text', 'rdjson', 'github', 'gitlab', 'junit', 'checkstyle'];

/** A report in every format a run writes, and its stderr and exit code, read back as one record. */
async function reports(cwd: string, name: string, extra: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Record<string, string | number>> {
  const args = [CLI, ...extra, ...FORMATS.flatMap((format) => ['-f', `${format}=${name}.${format}`]), 'in'];
  let status = 0;
  let stderr = '';
  try {
    ({ stderr } = await promisify(execFile)(process.execPath, args, { cwd, env: cliEnv(env), maxBuffer: 1 << 26 }));
  } catch (error) {
    ({ stderr } = error as { stderr: string });
    status = (error as { code: number }).code;
  }
  return { status, stderr, ...Object.fromEntries(FORMATS.map((format) => [format, readFileSync(path.join(cwd, `${name}.${format}`), 'utf8')])) };
}

/** Every finding of a run goes to the spool's file, and so does a replay's. */
const SPOOLED = { KMLINT_SPOOL_FROM: '0' };

/** The `--verbose` line that says what the cache served. */
function cacheLine(stderr: string): string | undefined {
  return /^kmlint: cache: (.*)$/m.exec(stderr)?.[1];
}

describe('cache on the real corpus', () => {
  test('cold and replayed, cached runs write byte-identical reports to uncached ones', async () => {
    const dir = copyOf(sharedPath('corpus', 'real'));
    const [plain, cold] = await Promise.all([reports(dir, 'plain', []), reports(dir, 'cold', ['--cache'])]);
    assert.ok((plain.json as string).length > 100_000, 'the corpus has findings');
    assert.deepEqual(cold, plain);
    assert.deepEqual(await reports(dir, 'warm', ['--cache']), plain);
    // A replay too large to hold goes through the spool (a limit of 0 sends any there), findings to the same files.
    assert.deepEqual(await reports(dir, 'spooled', ['--cache'], SPOOLED), plain);
    const told = await reports(dir, 'told', ['--cache', '--verbose'], SPOOLED);
    assert.equal(cacheLine(told.stderr as string), 'no input changed, the last run replayed');

    // Runs after an edit are compared with uncached ones on the small fixtures below (they take as long as a cold run).
  });
});

describe('what invalidates the cache', () => {
  // No cross-object rule in this preset: each file is served from the cache on its own.
  const PER_FILE = ['--cache', '--verbose', '--no-config', '--preset', 'pss-restricted', '-f', 'json', 'in'];

  test('--stats on a replayed run tells where its time went', () => {
    const dir = copyOf(FIXTURES);
    runCli(PER_FILE, { cwd: dir });
    const replayed = runCli([...PER_FILE, '--stats'], { cwd: dir });
    assert.equal(cacheLine(replayed.stderr), 'no input changed, the last run replayed');
    const stages = /kmlint: time per stage \(ms\)\n((?: {2}.*\n)+)/.exec(replayed.stderr)?.[1];
    assert.ok(stages, replayed.stderr);
    assert.deepEqual(stages.trimEnd().split('\n').map((line) => line.trim().replace(/ +[\d.]+$/, '')), ['discover', 'cache replay']);
    assert.doesNotMatch(replayed.stderr, /time per rule/, 'no rule ran');
  });

  test('a second run replays; an edited file is linted again and only it', () => {
    const dir = copyOf(FIXTURES);
    const first = runCli(PER_FILE, { cwd: dir });
    assert.equal(cacheLine(first.stderr), '0 of 3 files unchanged');
    const second = runCli(PER_FILE, { cwd: dir });
    assert.equal(cacheLine(second.stderr), 'no input changed, the last run replayed');
    assert.equal(second.stdout, first.stdout);

    writeFileSync(path.join(dir, 'in/pod.yaml'), readFileSync(path.join(dir, 'in/pod.yaml'), 'utf8').replace('hostNetwork: true', 'hostNetwork: false'));
    const third = runCli(PER_FILE, { cwd: dir });
    assert.equal(cacheLine(third.stderr), '2 of 3 files unchanged');
    assert.ok(first.stdout.includes('"host-network"') && !third.stdout.includes('"host-network"'), 'the edit is seen');
    assert.equal(third.stdout, runCli(PER_FILE.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout);
  });

  test('inputs in every encoding replay when unchanged, with the text report\'s code frames; a changed one is linted again', () => {
    const dir = copyOf(FIXTURES);
    const pod = readFileSync(path.join(dir, 'in/pod.yaml'), 'utf8');
    const aliases = `list: &a [1]\nitems:\n${'  - *a\n'.repeat(60_000)}`;
    const files: Record<string, Buffer> = {
      'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pod.replace('tools', 'bom'), 'utf8')]),
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod.replace('tools', 'wide'), 'utf16le')]),
      'latin1.yaml': Buffer.from('metadata:\n  name: caf\xe9\n', 'latin1'),
      'binary.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x01]),
      // Past the alias budget: skipped unparsed, in each run alike.
      'aliases.yaml': Buffer.from(aliases, 'utf8'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, 'in', name), bytes);
    const args = PER_FILE.map((arg) => (arg === 'json' ? 'text' : arg));
    const first = runCli(args, { cwd: dir });
    assert.match(first.stderr, /aliases\.yaml: skipped, alias bomb/);
    assert.match(first.stdout, /in\/bom\.yaml\n.*\n +7 \| +hostNetwork: true/);
    const second = runCli(args, { cwd: dir });
    assert.equal(cacheLine(second.stderr), 'no input changed, the last run replayed');
    assert.equal(second.stdout, first.stdout);

    // The same text with a byte order mark more is the same input; a changed character is not.
    writeFileSync(path.join(dir, 'in/pod.yaml'), `\ufeff${pod}`);
    assert.equal(cacheLine(runCli(args, { cwd: dir }).stderr), 'no input changed, the last run replayed');
    writeFileSync(path.join(dir, 'in/utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod.replace('tools', 'wide').replace('hostNetwork: true', 'hostNetwork: false'), 'utf16le')]));
    const changed = runCli(args, { cwd: dir });
    assert.notEqual(cacheLine(changed.stderr), 'no input changed, the last run replayed');
    assert.notEqual(changed.stdout, first.stdout, 'the edit is seen');
    assert.equal(changed.stdout, runCli(args.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout);
  });

  test("a file served from the cache still puts its objects in the index that other files' cross-object checks read", () => {
    const dir = copyOf(path.join(REPO_ROOT, 'test/manifests/cache-index'));
    // The Deployment's checks are linted again after any change; the ConfigMap's file has none and is served.
    const args = ['--cache', '--verbose', '--no-config', '--rule', 'duplicate-resource: off', '-f', 'json', 'in'];
    runCli(args, { cwd: dir });
    const deployment = path.join(dir, 'in/deployment.yaml');
    writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('api:1.0', 'api:1.1'));
    const edited = runCli(args, { cwd: dir });
    assert.equal(cacheLine(edited.stderr), '1 of 2 files unchanged');
    assert.ok(!edited.stdout.includes('dangling-config-reference'), 'the cached ConfigMap is in the index');
    assert.equal(edited.stdout, runCli(args.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout);

    writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('name: settings', 'name: other'));
    const dangling = runCli(args, { cwd: dir });
    assert.match(dangling.stdout, /"ruleId": "dangling-config-reference"/);
    assert.equal(dangling.stdout, runCli(args.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout);
  });

  test('a changed configuration file, rule flag or run setting lints every file again', () => {
    const dir = copyOf(FIXTURES);
    const withConfig = PER_FILE.filter((arg) => arg !== '--no-config');
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'rules:\n  host-network: warning\n');
    runCli(withConfig, { cwd: dir });
    writeFileSync(path.join(dir, '.kmlint.yaml'), 'rules:\n  host-network: "off"\n');
    const changed = runCli(withConfig, { cwd: dir });
    assert.equal(cacheLine(changed.stderr), '0 of 3 files unchanged');
    assert.ok(!changed.stdout.includes('"host-network"'), changed.stdout);

    // Each run differs from the one before it by one setting.
    for (const flags of [['--no-config'], ['--no-config', '--rule', 'host-network: warning'], ['--no-config', '--kube-version', '1.30']]) {
      assert.equal(cacheLine(runCli([...flags, ...withConfig], { cwd: dir }).stderr), '0 of 3 files unchanged', flags.join(' '));
    }
  });

  test('a cache written by another kmlint version, or a damaged one, is not used and is rewritten', () => {
    const dir = copyOf(FIXTURES);
    const cacheFile = path.join(dir, '.kmlintcache');
    runCli(PER_FILE, { cwd: dir });
    const written = readFileSync(cacheFile, 'utf8');
    const foreign = written.replace(/"kmlintVersion":"[^"]*"/, '"kmlintVersion":"0.0.1"');
    assert.notEqual(foreign, written);
    writeFileSync(cacheFile, foreign);
    assert.equal(cacheLine(runCli(PER_FILE, { cwd: dir }).stderr), '0 of 3 files unchanged');
    assert.equal(cacheLine(runCli(PER_FILE, { cwd: dir }).stderr), 'no input changed, the last run replayed');

    writeFileSync(cacheFile, `${written.split('\n')[0]}\n{"file": "a.yaml", "entry": `);
    const damaged = runCli(PER_FILE, { cwd: dir });
    assert.equal(damaged.status, 1);
    assert.equal(cacheLine(damaged.stderr), '0 of 3 files unchanged');
  });

  test("a damaged file entry costs only that file: it is linted again, the others are still served", () => {
    const dir = copyOf(FIXTURES);
    const cacheFile = path.join(dir, '.kmlintcache');
    runCli(PER_FILE, { cwd: dir });
    const written = readFileSync(cacheFile, 'utf8');
    const damaged = written.replace(/^(\{"file":"in\/pod\.yaml","entry":\{"hash":)"[^"]+"/m, '$1broken');
    assert.notEqual(damaged, written);
    writeFileSync(cacheFile, damaged);
    // Nothing changed: the replay needs no file entry.
    assert.equal(cacheLine(runCli(PER_FILE, { cwd: dir }).stderr), 'no input changed, the last run replayed');

    writeFileSync(cacheFile, damaged);
    writeFileSync(path.join(dir, 'in/service.yaml'), `${readFileSync(path.join(dir, 'in/service.yaml'), 'utf8')}# edited\n`);
    const edited = runCli(PER_FILE, { cwd: dir });
    assert.equal(cacheLine(edited.stderr), '1 of 3 files unchanged');
    assert.equal(edited.stdout, runCli(PER_FILE.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout);
  });

  test('the cache file is one JSON value per line, the last run\'s findings last, a line per file, so a large run never needs it as one string', () => {
    const dir = copyOf(FIXTURES);
    const run = runCli(PER_FILE, { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; level: string }[] }).findings;
    const files = [...new Set(findings.map((finding) => finding.file))];
    assert.ok(findings.length > 1 && files.length > 1);
    const cacheFile = path.join(dir, '.kmlintcache');
    const lines = readFileSync(cacheFile, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(Object.keys(lines[0]!), ['header']);
    assert.equal(lines.filter((line) => 'file' in line).length, 3, 'one line per linted file');
    const run_ = lines.findIndex((line) => 'run' in line);
    const findingLines = lines.slice(run_ + 1) as { counts: number[]; line: { file: string; findings: unknown[] } }[];
    assert.deepEqual(findingLines.map((line) => line.line.file), files, 'after the run, one line per file with findings, in order');
    assert.deepEqual(findingLines.flatMap((line) => line.line.findings).length, findings.length);
    assert.deepEqual(findingLines.map((line) => line.counts[0]), files.map((file) => findings.filter((finding) => finding.file === file && finding.level === 'error').length));
    // A small cache is read whole, a large one in pieces: the same content either way, and the findings are
    // not read until a replay asks.
    const whole = readCache(cacheFile)!;
    assert.equal(whole.run?.files.length, 3);
    assert.equal(whole.findingsAt?.offset, Buffer.byteLength(readFileSync(cacheFile, 'utf8').split('\n').slice(0, run_ + 1).join('\n')) + 1);
    assert.deepEqual(readCache(cacheFile, 0), whole);
  });

  test('a damaged line among the last run\'s findings replays nothing: the files are linted again, held or spooled', () => {
    for (const env of [{}, SPOOLED]) {
      const dir = copyOf(FIXTURES);
      const expected = runCli(PER_FILE, { cwd: dir, env });
      const cacheFile = path.join(dir, '.kmlintcache');
      const written = readFileSync(cacheFile, 'utf8');
      // The last line: with the spool, the lines before it have gone to it and must go again.
      const damaged = written.replace(/\{"counts":\[(\d+)(?![^]*\{"counts")/, '{"counts":[x');
      assert.notEqual(damaged, written);
      writeFileSync(cacheFile, damaged);
      const again = runCli(PER_FILE, { cwd: dir, env });
      assert.equal(cacheLine(again.stderr), '3 of 3 files unchanged');
      assert.equal(again.stdout, expected.stdout);
      assert.equal(again.status, expected.status);
    }
  });

  test('a replay reads the last run\'s findings from the cache file it opened, a line per file with its counts', () => {
    const dir = copyOf(FIXTURES);
    runCli(PER_FILE, { cwd: dir });
    const file = path.join(dir, '.kmlintcache');
    const key = readCache(file)!.key;
    const lines = [...LintCache.open(file, '.kmlintcache', key).lastRunLines()];
    assert.ok(lines.length > 1);
    for (const { file: name, counts, line } of lines) {
      const parsed = JSON.parse(line) as { file: string; findings: Finding[] };
      assert.equal(parsed.file, name);
      assert.deepEqual(counts, countFindings(parsed.findings));
      assert.ok(line.endsWith('}\n'));
    }
    // Replaced since it was opened (another run wrote it): its findings are not this cache's.
    const opened = LintCache.open(file, '.kmlintcache', key);
    copyFileSync(file, `${file}.new`);
    renameSync(`${file}.new`, file);
    assert.throws(() => [...opened.lastRunLines()], /changed since it was read/);
  });

  test('--cache-location names the file, or a folder to keep .kmlintcache in', () => {
    const dir = copyOf(FIXTURES);
    runCli(['--cache-location', 'state/', ...PER_FILE], { cwd: dir });
    runCli(['--cache-location', 'other.json', ...PER_FILE], { cwd: dir });
    assert.equal(readCache(path.join(dir, 'other.json'))?.kmlintCacheVersion, CACHE_VERSION);
    assert.equal(cacheLine(runCli(['--cache-location', 'state', ...PER_FILE], { cwd: dir }).stderr), 'no input changed, the last run replayed');
  });
});

describe('context files with a cache', () => {
  test('a run on named files serves unchanged context files from the cache, parses changed ones, and never stores one with a credential', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-cache-'));
    cpSync(path.join(REPO_ROOT, 'test/manifests/cache-index'), dir, { recursive: true });
    const leaky = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: leaky', 'spec:', '  containers:', '    - name: app', '      image: example.com/app:1.0', '      env:', '        - name: AWS_SECRET_ACCESS_KEY', `          value: ${FAKE['aws-secret-access-key']}`, ''];
    writeFileSync(path.join(dir, 'leaky.yaml'), leaky.join('\n'));
    // A CRD whose documentation quotes a token, stored as the index keeps it: without its descriptions; and a
    // custom resource whose description quotes one, stored with the description masked.
    const crd = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:', '  group: example.com', '  scope: Namespaced', '  names: {kind: Widget, plural: widgets}', '  versions:', '    - name: v1', '      served: true', '      storage: true', '      schema:', '        openAPIV3Schema:', '          type: object', `          description: 'For example --github-token=${FAKE['github-token']}'`, '---', 'apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}', `spec: {description: 'Run with --github-token=${FAKE['github-token']}'}`, ''];
    writeFileSync(path.join(dir, 'crd.yaml'), crd.join('\n'));
    // Inside a git repository, a run on named files takes the other tracked manifests as context.
    for (const args of [['init', '-q'], ['add', '.']]) assert.equal(spawnSync('git', args, { cwd: dir }).status, 0);
    const args = ['--cache', '--verbose', '--no-config', '--rule', 'duplicate-resource: off', '-f', 'json', 'deployment.yaml'];
    const uncached = () => runCli(args.filter((arg) => arg !== '--cache'), { cwd: dir }).stdout;
    const edit = (file: string, from: string, to: string) => writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8').replace(from, to));

    const first = runCli(args, { cwd: dir });
    assert.equal(cacheLine(first.stderr), '0 of 1 files unchanged, 0 of 3 context files');
    assert.ok(!first.stdout.includes('dangling-config-reference'), 'the ConfigMap of the context is in the index');

    // What a pre-commit hook does: the named file changed, the context did not.
    edit('deployment.yaml', 'api:1.0', 'api:1.1');
    const second = runCli(args, { cwd: dir });
    assert.equal(cacheLine(second.stderr), '0 of 1 files unchanged, 2 of 3 context files');
    assert.equal(second.stdout, uncached());
    const stored = readCache(path.join(dir, '.kmlintcache'))! as Required<CacheContent>;
    assert.deepEqual(Object.keys(stored.context).sort(), ['configmap.yaml', 'crd.yaml'], 'the Pod with a credential is parsed each time, never stored');
    const records = JSON.stringify(deserialize(Buffer.from(stored.context['crd.yaml']!.records, 'base64')));
    assert.ok(!records.includes('For example') && records.includes('Run with --github-token=') && !records.includes(FAKE['github-token']), records);

    edit('configmap.yaml', 'name: settings', 'name: other');
    const third = runCli(args, { cwd: dir });
    assert.equal(cacheLine(third.stderr), '0 of 1 files unchanged, 1 of 3 context files');
    assert.match(third.stdout, /"ruleId": "dangling-config-reference"/);
    assert.equal(third.stdout, uncached());
  });
});

describe('suppressions and baselines with a cache', () => {
  test('config exemptions used by a cached file count as used; the baseline applies afresh', () => {
    const dir = copyOf(FIXTURES);
    writeFileSync(
      path.join(dir, '.kmlint.yaml'),
      [
        'exemptions:',
        '  - name: tools',
        '    rules: [host-network]',
        '    reason: The tools pod debugs the node network.',
        '  - name: nothing-has-this-name',
        '    reason: Matches nothing, so it is reported unused.',
        '',
      ].join('\n'),
    );
    const args = ['--preset', 'pss-restricted', '-f', 'json', 'in'];
    runCli(['--cache', ...args], { cwd: dir });
    appendFileSync(path.join(dir, 'in/deployment.yaml'), '# edited\n');
    const cached = runCli(['--cache', ...args], { cwd: dir });
    assert.equal(cached.stdout, runCli(args, { cwd: dir }).stdout);
    const unused = (JSON.parse(cached.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((finding) => finding.ruleId === 'unused-suppression');
    assert.deepEqual(unused.map((finding) => finding.message.slice(0, 12)), ['exemption #2']);

    runCli(['--write-baseline', 'baseline.json', ...args], { cwd: dir });
    const baselined = runCli(['--cache', '--baseline', 'baseline.json', ...args], { cwd: dir });
    assert.equal(baselined.status, 0, baselined.stderr);
    assert.equal(baselined.stdout, runCli(['--baseline', 'baseline.json', ...args], { cwd: dir }).stdout);
    // Replayed, held and spooled alike.
    for (const env of [{}, SPOOLED]) {
      const told = runCli(['--cache', '--verbose', '--baseline', 'baseline.json', ...args], { cwd: dir, env });
      assert.equal(cacheLine(told.stderr), 'no input changed, the last run replayed');
      const replayed = runCli(['--cache', '--baseline', 'baseline.json', ...args], { cwd: dir, env });
      assert.equal(replayed.status, 0, replayed.stderr);
      assert.equal(replayed.stdout, baselined.stdout);
    }
  });
});

describe('the cache never stores a credential', () => {
  test('findings and notes are stored redacted, and a replay reports them redacted too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-cache-'));
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: leaky',
      '  annotations:',
      `    alerts.example.com/slack: ${FAKE['slack-webhook']}`,
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: example.com/app:1.0',
      `      args: ["--github-token=${FAKE['github-token']}"]`,
      '      env:',
      '        - name: AWS_SECRET_ACCESS_KEY',
      `          value: ${FAKE['aws-secret-access-key']}`,
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: creds',
      'stringData:',
      `  session: ${FAKE.jwt}`,
      `  ${FAKE['stripe-secret-key']}: key-named-after-a-token`,
      '',
    ].join('\n');
    cpSync(FIXTURES, path.join(dir, 'in'), { recursive: true });
    writeFileSync(path.join(dir, 'in/leaky.yaml'), manifest);
    const first = runCli(['--cache', '--preset', 'all', '-f', 'json', 'in'], { cwd: dir });
    const replayed = runCli(['--cache', '--preset', 'all', '-f', 'json', 'in'], { cwd: dir });
    assert.equal(replayed.stdout, first.stdout);
    const stored = readFileSync(path.join(dir, '.kmlintcache'), 'utf8');
    assert.ok(stored.includes('leaky.yaml') && stored.includes('hardcoded-credential-pattern'), 'the file was linted and cached');
    for (const [name, value] of Object.entries(FAKE)) {
      for (const text of [stored, replayed.stdout]) assert.ok(!text.includes(value), `${name} leaked`);
    }
  });
});

describe('code frames of a replayed run', () => {
  /** A Pod with credentials on its lines 10 and 12, below `above` extra comment lines. */
  const leaky = (above: number): string => [
    ...Array.from({ length: above }, (_, line) => `# note ${line + 1}`),
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: leaky',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: example.com/app:latest',
    '      env:',
    `        - {name: API_TOKEN, value: ${FAKE['github-token']}}`,
    '        - name: AWS_SECRET_ACCESS_KEY',
    `          value: ${FAKE['aws-secret-access-key']}`,
    '',
  ].join('\n');

  test('mask credentials where the text has them, from offsets the cache keeps by content, in every format', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-cache-'));
    cpSync(FIXTURES, path.join(dir, 'in'), { recursive: true });
    writeFileSync(path.join(dir, 'in/leaky.yaml'), leaky(0));
    const plain = await reports(dir, 'plain', []);
    assert.match(plain.text as string, /API_TOKEN, value: \*{8}/, 'the code frame shows the line, masked');
    assert.deepEqual(await reports(dir, 'cold', ['--cache']), plain);
    assert.deepEqual(await reports(dir, 'warm', ['--cache']), plain);
    // A replay through the spool reads the texts again when the reports print them, masked from the same offsets.
    assert.deepEqual(await reports(dir, 'warm-spooled', ['--cache'], SPOOLED), plain);

    const stored = readFileSync(path.join(dir, '.kmlintcache'), 'utf8');
    const spans = Object.values(readCache(path.join(dir, '.kmlintcache'))?.spans ?? {});
    assert.ok(spans.some((offsets) => offsets.length === 4), 'the two credentials\' offsets are stored');
    for (const [name, value] of Object.entries(FAKE)) assert.ok(!stored.includes(value), `${name} stored`);
    // Offsets that do not fit the text (a damaged cache) are not used: the text is searched again.
    const damaged = stored.replace(/("offsets":\[)[^\]]+\]/g, '$10,999999999]');
    assert.notEqual(damaged, stored);
    for (const [name, env] of [['held', {}], ['spooled', SPOOLED]] as const) {
      writeFileSync(path.join(dir, '.kmlintcache'), damaged);
      assert.deepEqual(await reports(dir, `damaged-${name}`, ['--cache'], env), plain);
    }

    // The credentials move down three lines: offsets stored for the old text must not be used for the new.
    writeFileSync(path.join(dir, 'in/leaky.yaml'), leaky(3));
    const moved = await reports(dir, 'moved', ['--cache']);
    assert.deepEqual(moved, await reports(dir, 'plain-moved', []));
    assert.deepEqual(await reports(dir, 'moved-warm', ['--cache']), moved);
    for (const format of FORMATS) {
      for (const [name, value] of Object.entries(FAKE)) assert.ok(!(moved[format] as string).includes(value), `${name} in ${format}`);
    }
  });
});
