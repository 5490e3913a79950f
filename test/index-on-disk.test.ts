/**
 * A large CLI run keeps its index records' values in a temporary file: every value comes back as it went in,
 * the file goes when the run is done, and the checks across files find exactly what they find in memory.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FORMATS, loadFormatter, type FormatContext } from '../src/formatters/index.js';
import { lint, type LintOptions } from '../src/run/lint.js';
import { FindingSpool, SPOOL_FROM } from '../src/run/spool.js';
import { readSlot, Spill, ValueSpill } from '../src/run/value-spill.js';
import { WatchSpill } from '../src/run/watch-spill.js';
import { rules } from '../src/rules/index.js';
import type { JsonObject } from '../src/k8s/model.js';
import { ObjectIndex, type IndexedObject } from '../src/k8s/object-index.js';
import type { SpilledValues } from '../src/k8s/stored-record.js';
import type { Location } from '../src/types.js';
import { REPO_ROOT } from './support/shared.js';

/** A Deployment-like value whose pod spec is a part of it, with a payload of `size` characters. */
function workload(index: number, size: number): SpilledValues {
  const spec: JsonObject = { containers: [{ name: `app-${index}`, image: `registry.example/app:${index}`, args: ['x'.repeat(size)] }] };
  return { value: { kind: 'Deployment', metadata: { name: `web-${index}` }, spec: { replicas: index % 5, template: { spec } } }, specs: [spec] };
}

/** A fresh temporary folder as os.tmpdir() for the duration of `body`, so the spill's file can be seen. */
function inOwnTmpdir<T>(body: (folder: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'kmlint-spill-test-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return body(folder);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(folder, { recursive: true, force: true });
  }
}

test('values come back equal in any order, pod specs still parts of their value, and the file goes on close', () => {
  inOwnTmpdir((folder) => {
    const spill = new ValueSpill(0);
    // Sizes around and past the write chunk (1 MB), so reads meet both written and still pending bytes.
    const sizes = Array.from({ length: 1500 }, (_, index) => (index === 700 ? 1_500_000 : (index * 37) % 2000));
    const slots = sizes.map((size, index) => spill.store(workload(index, size)));
    assert.deepEqual(slots, sizes.map((_, index) => index));
    const order = slots.map((slot) => (slot * 611) % slots.length);
    assert.equal(new Set(order).size, slots.length, 'every slot once');
    for (const slot of order) {
      const read = spill.read(slot);
      assert.deepEqual(read, workload(slot, sizes[slot]!));
      assert.equal(read.specs[0], (read.value.spec as { template: { spec: unknown } }).template.spec, 'the spec is the part of the value it was');
    }
    assert.equal(spill.figures.records, 1500);
    assert.equal(spill.figures.reads, 1500, 'none was recent: each read came from the file');
    spill.read(order.at(-1)!);
    assert.equal(spill.figures.reads, 1500, 'the last one read is kept');
    // The file is open, without a name elsewhere than on Windows (test/temp-file.test.ts).
    const files = readdirSync(folder, { recursive: true }).map(String);
    assert.equal(files.some((file) => file.endsWith('index-values.bin')), process.platform === 'win32');
    spill.close();
    assert.deepEqual(readdirSync(folder), [], 'closed: the file and its folder are gone');
  });
});

test('JSON texts come back equal in any order, read here or from their places as another thread would, and the file goes on close', () => {
  inOwnTmpdir((folder) => {
    const spill = new Spill<{ file: string; message: string; related?: { line: number }[] }[]>('late.jsonl', 0, 'json');
    // Around and past the write chunk (1 MB), with characters of several UTF-8 lengths: offsets are bytes.
    const items = (index: number): { file: string; message: string; related?: { line: number }[] }[] =>
      Array.from({ length: (index % 3) + 1 }, (_, part) => ({ file: `f${index}.yaml`, message: `${'é€😀'.repeat(index === 400 ? 400_000 : index % 50)} #${part}`, ...(part === 1 ? { related: [{ line: index }] } : {}) }));
    const slots = Array.from({ length: 900 }, (_, index) => spill.store(items(index)));
    const order = slots.map((slot) => (slot * 409) % slots.length);
    for (const slot of order) assert.deepEqual(spill.read(slot), items(slot));
    assert.equal(spill.figures.records, 900);
    const places = spill.places()!;
    for (const slot of [0, 399, 400, 401, 899]) assert.deepEqual(readSlot(places, slot, 'json'), items(slot));
    assert.equal(readdirSync(folder, { recursive: true }).map(String).some((file) => file.endsWith('late.jsonl')), process.platform === 'win32');
    spill.close();
    assert.deepEqual(readdirSync(folder), [], 'closed: the file and its folder are gone');
  });
});

test('records with their values on disk keep labels as given, and one shared object for all that are empty', () => {
  const spill = new ValueSpill(0);
  try {
    const index = new ObjectIndex(false, spill);
    const at: Location = { file: 'a.yaml', region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, path: ['metadata', 'name'] };
    const record = (name: string, labels: Record<string, string>): IndexedObject => ({
      apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', name, namespace: 'default', labels, annotations: {},
      value: workload(1, 1).value, pods: [{ labels: {}, spec: workload(1, 1).specs[0]!, path: ['spec', 'template', 'spec'] }], at, fromContext: false,
    });
    const [plain, other, labelled] = [record('a', {}), record('b', {}), record('c', { app: 'web' })].map((item) => index.add(item));
    assert.deepEqual(labelled!.labels, { app: 'web' });
    assert.deepEqual(plain!.labels, {});
    assert.equal(plain!.labels, other!.labels, 'one object for empty labels');
    assert.equal(plain!.annotations, labelled!.annotations, 'and for empty annotations');
    assert.equal(plain!.pods[0]!.labels, other!.pods[0]!.labels, "and for pod templates' empty labels");
  } finally {
    spill.close();
  }
});

test("records with their values on disk give back their own location as it was made, key for key", () => {
  const spill = new ValueSpill(0);
  try {
    const index = new ObjectIndex(false, spill);
    const region = (line: number) => ({ startLine: line, startColumn: 9, endLine: line, endColumn: 12 });
    const record = (name: string | undefined, at: Location): IndexedObject => ({
      apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', ...(name === undefined ? {} : { name }), namespace: 'default', labels: {}, annotations: {},
      value: workload(1, 1).value, pods: [], at, fromContext: false,
    });
    const locations: [string | undefined, Location][] = [
      ['web', { file: 'a.yaml', region: region(4), path: ['metadata', 'name'], documentIndex: 0, object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } }],
      // The object's own namespace, not the run's default the record lands in.
      ['api', { file: 'a.yaml', region: region(30), path: ['metadata', 'name'], documentIndex: 2, object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'api' } }],
      [undefined, { file: 'b.yaml', region: region(1), path: [], documentIndex: 7, approximate: true, unresolved: true, object: { apiVersion: 'apps/v1', kind: 'Deployment' } }],
      ['chart', { file: 'out.yaml', region: region(12), path: ['items', 3, 'metadata', 'name'], documentIndex: 1, missing: true, object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'chart' }, helmTemplate: 'chart/templates/web.yaml' }],
      ['bare', { file: 'c.yaml', region: region(2), path: ['metadata', 'name'] }],
      // Kept as made: a reference that is not the record's own, keys in another order, a region with more.
      ['web', { file: 'd.yaml', region: region(3), path: ['metadata', 'name'], object: { apiVersion: 'v1', kind: 'Service', name: 'web' } }],
      ['web', { path: ['metadata', 'name'], file: 'd.yaml', region: region(5) }],
      ['web', { file: 'd.yaml', region: { ...region(6), offset: 40 } as Location['region'], path: ['metadata', 'name'] }],
    ];
    for (const [position, [name, at]] of locations.entries()) {
      const fromContext = position % 2 === 1;
      const stored = index.add({ ...record(name, at), fromContext });
      assert.equal(index.sharesValue(stored), false, 'the value is on disk');
      assert.equal(stored.fromContext, fromContext, 'packed or kept, the record says where it comes from');
      assert.equal(JSON.stringify(stored.at), JSON.stringify(at), `${at.file}:${at.region.startLine}`);
      assert.deepEqual(stored.at, at);
      assert.equal(index.recordAt(at), stored, 'found by its place');
    }
  } finally {
    spill.close();
  }
});

test('records on disk past many rows keep their own identity, location and value', () => {
  const spill = new ValueSpill(0);
  try {
    const index = new ObjectIndex(false, spill);
    const kinds = [['apps/v1', 'apps', 'Deployment'], ['v1', '', 'Service'], ['batch/v1', 'batch', 'CronJob']] as const;
    const made = Array.from({ length: 2500 }, (_, i) => {
      const [apiVersion, group, kind] = kinds[i % kinds.length]!;
      const at: Location = { file: `f${i % 7}.yaml`, region: { startLine: i + 1, startColumn: 3, endLine: i + 1, endColumn: 3 + (i % 50) }, path: ['metadata', 'name'], documentIndex: i % 5 };
      return index.add({ apiVersion, group, kind, name: `n${i}`, namespace: 'default', labels: {}, annotations: {}, value: { spec: { replicas: i } }, pods: [], at, fromContext: i % 3 === 0 });
    });
    for (const [i, stored] of made.entries()) {
      const [apiVersion, group, kind] = kinds[i % kinds.length]!;
      assert.deepEqual([stored.apiVersion, stored.group, stored.kind, stored.name, stored.fromContext], [apiVersion, group, kind, `n${i}`, i % 3 === 0]);
      assert.deepEqual(stored.at, { file: `f${i % 7}.yaml`, region: { startLine: i + 1, startColumn: 3, endLine: i + 1, endColumn: 3 + (i % 50) }, path: ['metadata', 'name'], documentIndex: i % 5 });
      assert.deepEqual(stored.value, { spec: { replicas: i } });
    }
    assert.equal(index.ofKind('Service').length, 833);
  } finally {
    spill.close();
  }
});

test('a spill that never reached its first write makes no file', () => {
  inOwnTmpdir((folder) => {
    const spill = new ValueSpill(0);
    spill.store(workload(1, 10));
    spill.close();
    assert.deepEqual(readdirSync(folder), []);
  });
});

test('watch data come back equal, read a batch of one rule at a time, in any order, and the file goes on close', () => {
  inOwnTmpdir((folder) => {
    const spill = new WatchSpill(0);
    const rules = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    // Interleaved as a walk interleaves rules; the last batch of each rule is still being filled when read.
    const stored = Array.from({ length: 1000 }, (_, index) => {
      const rule = rules[index % 3 === 0 ? 0 : index % 7 === 0 ? 2 : 1]!;
      const data = { rule: rule.id, index, at: { file: `f${index}.yaml`, region: { startLine: index, startColumn: 1, endLine: index, endColumn: 9 } }, packed: Int32Array.of(index, -index) };
      return { slot: spill.store(data, rule), data };
    });
    assert.equal(new Set(stored.map(({ slot }) => slot)).size, stored.length, 'a slot of its own for each watch');
    for (const rule of rules) {
      const own = stored.filter(({ data }) => data.rule === rule.id);
      for (const { slot, data } of own) assert.deepEqual(spill.read(slot), data);
    }
    const inOrder = spill.figures.reads;
    assert.ok(inOrder < 30, `one reading per batch of 64 of a rule's watches: ${inOrder}`);
    for (const { slot, data } of [...stored].reverse()) assert.deepEqual(spill.read(slot), data);
    assert.equal(spill.figures.records, 1000);
    spill.close();
    assert.deepEqual(readdirSync(folder), [], 'closed: the file and its folder are gone');
  });
});

// Every rule that relates objects, on its own fixtures, all in one run: the index is as varied as the tests have.
const CROSS_OBJECT_FIXTURES = rules
  .filter((rule) => rule.meta.crossObject)
  .map((rule) => path.join('test', 'manifests', rule.meta.id))
  .filter((folder) => existsSync(path.join(REPO_ROOT, folder)));

interface Reports {
  texts: Record<string, string>;
  onDisk: number;
  reads: number;
  watchesOnDisk: number;
  watchReads: number;
  /** Findings of the checks across files written out until their file closed. */
  arrivedOnDisk: number;
  /** Files whose late findings the spool keeps on disk. */
  spooledLate: number;
}

/** The eight reports of a run (its spool on disk from the start unless `spoolFrom` says otherwise), and its figures. */
async function reports(options: LintOptions, spoolFrom = 0): Promise<Reports> {
  const spool = new FindingSpool(spoolFrom);
  try {
    const run = await lint({ ...options, spool });
    const context: FormatContext = { cwd: REPO_ROOT, version: '0.0.0-test', rules: rules.map((rule) => rule.meta), sources: run.sourceTexts ?? run.sources, codeFrame: true };
    const texts: Record<string, string> = {};
    for (const format of FORMATS) texts[format] = (await loadFormatter(format))({ ...run, findings: run.spool ?? run.findings }, context);
    return {
      texts, onDisk: run.stats?.indexOnDisk?.records ?? 0, reads: run.stats?.indexOnDisk?.reads ?? 0,
      watchesOnDisk: run.stats?.watchesOnDisk?.records ?? 0, watchReads: run.stats?.watchesOnDisk?.reads ?? 0,
      arrivedOnDisk: run.stats?.lateOnDisk?.records ?? 0, spooledLate: spool.parts().lateOnDisk?.slots.size ?? 0,
    };
  } finally {
    spool.close();
  }
}

test('the checks across files find the same with every value on disk as with every value in memory', async () => {
  assert.ok(CROSS_OBJECT_FIXTURES.length >= 20, `fixtures of the rules that relate objects: ${CROSS_OBJECT_FIXTURES.length}`);
  const options: LintOptions = { paths: CROSS_OBJECT_FIXTURES, cwd: REPO_ROOT, context: [], presets: ['all'], keepSources: true, stats: true };
  const memory = await reports(options);
  const disk = await reports({ ...options, indexInMemory: 0 });
  assert.equal(memory.onDisk, 0, 'a small run keeps its index in memory');
  assert.ok(disk.onDisk > 200, `records on disk: ${disk.onDisk}`);
  assert.ok(disk.reads > 0, 'the checks read values back');
  const crossObjectIds = new Set(rules.filter((rule) => rule.meta.crossObject).map((rule) => rule.meta.id));
  const found = [...memory.texts.json!.matchAll(/"ruleId": "([a-z0-9-]+)"/g)].filter((match) => crossObjectIds.has(match[1]!));
  assert.ok(new Set(found.map((match) => match[1])).size >= 15, `cross-object rules with findings: ${new Set(found.map((match) => match[1])).size}`);
  for (const format of FORMATS) assert.equal(disk.texts[format], memory.texts[format], format);
});

test('the checks across files find the same with every watch on disk as with every watch in memory', async () => {
  const options: LintOptions = { paths: CROSS_OBJECT_FIXTURES, cwd: REPO_ROOT, context: [], presets: ['all'], keepSources: true, stats: true };
  const memory = await reports(options);
  // The rules' data (locations, names, packed paths) come back from the file as equal copies, values too.
  const disk = await reports({ ...options, watchesInMemory: 0, indexInMemory: 0 });
  assert.equal(memory.watchesOnDisk, 0, 'a small run keeps its watches in memory');
  assert.ok(disk.watchesOnDisk > 500, `watches on disk: ${disk.watchesOnDisk}`);
  // Read in batches of one rule's watches: far fewer reads than watches, at least one per rule that watched.
  assert.ok(disk.watchReads >= 20 && disk.watchReads < disk.watchesOnDisk, `batches read back: ${disk.watchReads}`);
  for (const format of FORMATS) assert.equal(disk.texts[format], memory.texts[format], format);
});

test('a run of many files keeps every value and watch on disk from its first file', async () => {
  const options: LintOptions = { paths: CROSS_OBJECT_FIXTURES, cwd: REPO_ROOT, context: [], presets: ['all'], keepSources: true, stats: true };
  const files = (await lint({ ...options, stats: false })).files.length;
  const below = await reports({ ...options, largeRunFiles: files + 1 });
  const large = await reports({ ...options, largeRunFiles: files });
  const disk = await reports({ ...options, watchesInMemory: 0, indexInMemory: 0 });
  assert.equal(below.onDisk + below.watchesOnDisk, 0, 'one file fewer than the line: all in memory');
  assert.equal(large.onDisk, disk.onDisk, 'every record on disk');
  assert.equal(large.watchesOnDisk, disk.watchesOnDisk, 'every watch on disk');
  for (const format of FORMATS) assert.equal(large.texts[format], below.texts[format], format);
});

test('late findings give the same reports written out as they arrive and kept on disk by the spool as held in memory', async () => {
  const options: LintOptions = { paths: CROSS_OBJECT_FIXTURES, cwd: REPO_ROOT, context: [], presets: ['all'], keepSources: true, stats: true };
  const held = await reports(options, SPOOL_FROM);
  const disk = await reports({ ...options, lateInMemory: 0 });
  assert.equal(held.arrivedOnDisk, 0, 'a small run keeps late findings in memory');
  assert.equal(held.spooledLate, 0, 'a spool held in memory holds its late findings too');
  assert.ok(disk.arrivedOnDisk > 100, `late findings written out as they arrived: ${disk.arrivedOnDisk}`);
  assert.ok(disk.spooledLate > 20, `files whose late findings the spool keeps on disk: ${disk.spooledLate}`);
  for (const format of FORMATS) assert.equal(disk.texts[format], held.texts[format], format);
});
