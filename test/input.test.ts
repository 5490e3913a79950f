/** Reading and classifying input files: encodings, special files, bounded reads, and the per-file decision. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { lint } from '../src/run/lint.js';
import { readBytesSync, readInputSync } from '../src/input/read.js';
import { FileOnDisk } from '../src/run/file-on-disk.js';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const INPUT = path.join(REPO_ROOT, 'test', 'manifests', 'input');
const POD = readFileSync(path.join(REPO_ROOT, 'test', 'manifests', 'host-pid', 'invalid', 'pod.yaml'), 'utf8');
const POD_LINE = POD.split('\n').findIndex((line) => line.includes('hostPID: true')) + 1;
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-input-'));
  temps.push(dir);
  return dir;
}

function withFile(name: string, bytes: Buffer | string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, name), bytes);
  return dir;
}

describe('encodings', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(POD, 'utf8')],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD, 'utf8')])],
    ['UTF-16 LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')])],
    ['UTF-16 BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(POD, 'utf16le').swap16()])],
  ];
  for (const [name, bytes] of cases) {
    test(`${name} is linted with exact lines and columns`, async () => {
      const cwd = withFile('pod.yaml', bytes);
      const result = await lint({ paths: ['pod.yaml'], cwd });
      const finding = result.findings.find((candidate) => candidate.ruleId === 'host-pid');
      assert.deepEqual(result.notes, []);
      assert.equal(finding?.region.startLine, POD_LINE);
      assert.equal(finding?.region.startColumn, POD.split('\n')[POD_LINE - 1]!.indexOf('hostPID') + 1);
    });
  }

  test('Latin-1 text gives one clear finding at the first byte that is not UTF-8', async () => {
    const cwd = withFile('latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1'));
    const result = await lint({ paths: ['latin1.yaml'], cwd });
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(finding!.ruleId, 'yaml-syntax-error');
    assert.match(finding!.message, /not valid UTF-8 \(byte 0xE9/);
    assert.deepEqual([finding!.region.startLine, finding!.region.startColumn], [4, 12]);
  });

  test('NUL bytes mean binary: skipped with a note', async () => {
    const cwd = withFile('image.yaml', Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]));
    const result = await lint({ paths: ['image.yaml'], cwd });
    assert.deepEqual(result.findings, []);
    assert.match(result.notes.join('\n'), /image\.yaml: skipped, binary file/);
  });
});

describe('special files', () => {
  test('a FIFO, and a link to it, are reported and skipped without being opened', () => {
    const cwd = tempDir();
    execFileSync('mkfifo', [path.join(cwd, 'pipe.yaml')]);
    symlinkSync('pipe.yaml', path.join(cwd, 'link-to-pipe.yaml'));
    writeFileSync(path.join(cwd, 'pod.yaml'), POD);
    const run = runCli(['.'], { cwd });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /pipe\.yaml: skipped, a named pipe \(FIFO\), not read/);
    assert.match(run.stderr, /link-to-pipe\.yaml: skipped, a named pipe \(FIFO\), not read/);
    assert.match(run.stdout, /host-pid/);
  });

  test('a link to a device is reported and skipped', () => {
    const cwd = tempDir();
    symlinkSync('/dev/zero', path.join(cwd, 'zero.yaml'));
    const run = runCli(['zero.yaml'], { cwd });
    assert.match(run.stderr, /zero\.yaml: skipped, a device file, not read/);
  });

  test('reads stop at the size limit whatever size the file claims', async () => {
    // Files under /proc claim a size of 0 and hold more.
    const outcome = readInputSync('/proc/self/status', 64);
    assert.ok('skipped' in outcome && /larger than the 1 KB limit \(over/.test(outcome.skipped), JSON.stringify(outcome));
  });

  test('files read one after another through one buffer each get their own text, and raw bytes stay as read', () => {
    const cwd = tempDir();
    // Larger than the buffer's first size, smaller, then one that claims no size and holds more (/proc).
    const texts = ['a: 1\n'.repeat(40_000), POD, 'b: 2\n'];
    texts.forEach((text, index) => writeFileSync(path.join(cwd, `${index}.yaml`), text));
    const kept = readBytesSync(path.join(cwd, '0.yaml'));
    for (const round of [0, 1]) {
      texts.forEach((text, index) => assert.deepEqual(readInputSync(path.join(cwd, `${index}.yaml`)), { text }, `round ${round}, file ${index}`));
      const status = readInputSync('/proc/self/status');
      assert.ok('text' in status && status.text.startsWith('Name:') && status.text.endsWith('\n'), JSON.stringify(status).slice(0, 80));
    }
    assert.ok(Buffer.isBuffer(kept) && kept.equals(Buffer.from(texts[0]!)), 'bytes handed out are not overwritten by later reads');
  });

  test('every kind of input gets its outcome from the one read: text, a reason to skip it, or where it stops being text', () => {
    const cwd = tempDir();
    const files: Record<string, Buffer | string> = {
      'utf8.yaml': POD,
      'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD, 'utf8')]),
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]),
      'bad-utf16.yaml': Buffer.from([0xfe, 0xff, 0xd8, 0x00]),
      'latin1.yaml': Buffer.from('metadata:\n  name: caf\xe9\n', 'latin1'),
      'binary.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x01]),
      'large.yaml': 'x'.repeat(3000),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(cwd, name), bytes);
    execFileSync('mkfifo', [path.join(cwd, 'pipe.yaml')]);
    symlinkSync('/dev/zero', path.join(cwd, 'zero.yaml'));
    mkdirSync(path.join(cwd, 'folder.yaml'));
    const read = (name: string) => readInputSync(path.join(cwd, name), 2048);
    // A byte order mark is dropped, as editors hide it; UTF-16 with one is read as UTF-16.
    for (const name of ['utf8.yaml', 'bom.yaml', 'utf16.yaml']) assert.deepEqual(read(name), { text: POD }, name);
    assert.deepEqual(read('bad-utf16.yaml'), { invalid: { message: 'The file starts with a UTF-16 byte order mark but is not valid UTF-16.', line: 1, column: 1 } });
    const latin1 = read('latin1.yaml');
    assert.ok('invalid' in latin1 && /not valid UTF-8 \(byte 0xE9/.test(latin1.invalid.message), JSON.stringify(latin1));
    assert.deepEqual([latin1.invalid.line, latin1.invalid.column], [2, 12]);
    assert.deepEqual(read('binary.yaml'), { skipped: 'binary file (contains NUL bytes)' });
    assert.match((read('large.yaml') as { skipped: string }).skipped, /larger than the 2 KB limit/);
    assert.deepEqual(read('pipe.yaml'), { skipped: 'a named pipe (FIFO), not read' });
    assert.deepEqual(read('zero.yaml'), { skipped: 'a device file, not read' });
    assert.deepEqual(read('folder.yaml'), { skipped: 'is a directory' });
    assert.match((read('missing.yaml') as { skipped: string }).skipped, /^no such file/);
  });

  test('a file that vanishes during the run is one line', async () => {
    const cwd = tempDir();
    // Files are read a few ahead of the one being linted: the last one is removed before its read starts.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const name of names) writeFileSync(path.join(cwd, `${name}.yaml`), POD);
    const result = await lint({ paths: ['.'], cwd, onProgress: (done) => done === 1 && unlinkSync(path.join(cwd, 'h.yaml')) });
    assert.deepEqual(result.notes, ['h.yaml: skipped, no such file (removed during the run, or a broken symbolic link)']);
  });

  test('an unreadable folder in a walk is one line', { skip: process.getuid?.() === 0 ? 'running as root: every folder is readable' : false }, () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'locked'), { mode: 0o000 });
    writeFileSync(path.join(cwd, 'pod.yaml'), POD);
    const run = runCli(['.'], { cwd });
    assert.match(run.stderr, /locked: folder skipped, unreadable/);
  });
});

describe('the decision on each file', () => {
  const repo = (): string => {
    const cwd = tempDir();
    cpSync(path.join(INPUT, 'repo'), cwd, { recursive: true });
    return cwd;
  };

  test('a walk skips what is not Kubernetes quietly, and reports the decision per file in JSON', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: repo() });
    const report = JSON.parse(run.stdout) as { files: { file: string; decision: string; objects: number }[]; findings: { file: string; ruleId: string }[] };
    const decisions = Object.fromEntries(report.files.map((file) => [file.file, file.decision]));
    assert.deepEqual(decisions, {
      '.vscode/settings.json': 'not-kubernetes',
      'dashboards/api-latency.json': 'not-kubernetes',
      'deploy/broken.yaml': 'manifest',
      'deploy/web.yaml': 'manifest',
      'e2e/chainsaw/basic/assert-deployment.yaml': 'test-assertion',
      'e2e/chainsaw/basic/chainsaw-test.yaml': 'manifest',
      'e2e/chainsaw/basic/error-pod.yaml': 'test-assertion',
      'e2e/kuttl/upgrade/00-assert.yaml': 'test-assertion',
      'e2e/kuttl/upgrade/01-errors.yaml': 'test-assertion',
      'kustomize/base/deployment.yaml': 'manifest',
      'kustomize/base/kustomization.yaml': 'kustomization',
      'kustomize/overlays/prod/env-patch.yaml': 'kustomize-patch',
      'kustomize/overlays/prod/image-patch.yaml': 'kustomize-patch',
      'kustomize/overlays/prod/kustomization.yaml': 'kustomization',
      'kustomize/overlays/prod/replicas.yaml': 'kustomize-patch',
      'package.json': 'not-kubernetes',
      'tsconfig.json': 'not-kubernetes',
    });
    const syntax = report.findings.filter((finding) => finding.ruleId === 'yaml-syntax-error').map((finding) => finding.file);
    assert.deepEqual(syntax, ['deploy/broken.yaml'], 'only the file meant to be a manifest reports its syntax error');
    const partialFiles = new Set(report.files.filter((file) => /patch|assertion/.test(file.decision)).map((file) => file.file));
    assert.ok(!report.findings.some((finding) => partialFiles.has(finding.file)), 'partial objects are not linted');
    assert.equal(report.files.filter((file) => file.decision === 'kustomization').reduce((sum, file) => sum + file.objects, 0), 0);
    assert.match(run.stderr, /4 files are not Kubernetes manifests; 3 files are kustomize patches; 4 files are test assertions/);
  });

  test('--verbose says on stderr what was decided for each file', () => {
    const run = runCli(['--verbose', '.'], { cwd: repo() });
    assert.match(run.stderr, /kmlint: dashboards\/api-latency\.json: not-kubernetes \(not YAML kubectl could read, and no apiVersion or kind\)/);
    assert.match(run.stderr, /kmlint: kustomize\/overlays\/prod\/env-patch\.yaml: kustomize-patch/);
    assert.match(run.stderr, /kmlint: deploy\/web\.yaml: manifest \(1 object\)/);
  });

  test('a file named on the command line reports its syntax errors whatever it holds', () => {
    const run = runCli(['--format', 'json', 'dashboards/api-latency.json'], { cwd: repo() });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[]; files: { decision: string }[] };
    assert.equal(run.status, 1);
    assert.deepEqual(report.findings.map((finding) => finding.ruleId), ['yaml-syntax-error']);
    assert.equal(report.files[0]!.decision, 'manifest');
  });
});

describe('a file as a source of the run', () => {
  const reading = (cwd: string) => ({ cwd, maxBytes: 1 << 20 });

  test('gives back its absolute path and text, inside the folder of the run and outside it', async () => {
    const dir = withFile('pod.yaml', POD);
    const file = path.join(dir, 'pod.yaml');
    for (const cwd of [dir, path.join(dir, 'elsewhere'), path.parse(dir).root]) {
      const source = new FileOnDisk(file, reading(cwd), false);
      assert.equal(source.display, path.relative(cwd, file).split(path.sep).join('/'));
      assert.equal(source.absolute, file);
      assert.deepEqual(await source.read(), { text: POD });
    }
  });

  test('keeps a path its display name would not give back as it was found', async () => {
    const dir = withFile('pod.yaml', POD);
    // Named as the run's own folder: the display name is the file's base name, which resolves elsewhere.
    const unusual = [path.join(dir, 'pod.yaml'), `${dir}${path.sep}${path.sep}pod.yaml`];
    const sources = [new FileOnDisk(unusual[0]!, reading(unusual[0]!), true), new FileOnDisk(unusual[1]!, reading(dir), false)];
    assert.deepEqual(sources.map((source) => source.display), ['pod.yaml', 'pod.yaml']);
    assert.deepEqual(sources.map((source) => source.absolute), unusual);
    for (const source of sources) assert.deepEqual(await source.read(), { text: POD });
  });

  test('a file outside the folder of the run is linted and reported by its relative name', async () => {
    const dir = withFile('pod.yaml', POD);
    const cwd = path.join(dir, 'sub');
    mkdirSync(cwd);
    const run = await lint({ cwd, paths: ['../pod.yaml'], presets: ['all'], context: [] });
    const finding = run.findings.find((one) => one.ruleId === 'host-pid');
    assert.equal(finding?.file, '../pod.yaml');
    assert.equal(finding?.region.startLine, POD_LINE);
  });
});
