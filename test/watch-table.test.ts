/**
 * The run's watches, packed per rule until the checks across files: each comes back as the object a rule's
 * `checkIndex` gets, with its own setting, record and data, whether the data waited in memory or on disk.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbage } from '../src/cli/heap-limit.js';
import { RuleWatchList, WatchedObject, WatchTable } from '../src/engine/watch.js';
import type { RuleSetting } from '../src/engine/rule-settings.js';
import { ObjectIndex, type IndexedObject } from '../src/k8s/object-index.js';
import { rules } from '../src/rules/index.js';
import { ValueSpill } from '../src/run/value-spill.js';
import { WatchSpill } from '../src/run/watch-spill.js';

const [first, second] = rules.filter((rule) => rule.meta.crossObject && rule.checkIndex);

function record(name: string, file = `${name}.yaml`): IndexedObject {
  return {
    apiVersion: 'v1', group: '', kind: 'Service', name, namespace: 'default', labels: {}, annotations: {}, value: { kind: 'Service', metadata: { name } }, pods: [],
    at: { file, region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 9 + name.length }, path: ['metadata', 'name'] }, fromContext: false,
  };
}

const warning: RuleSetting = { level: 'warning', levelConfigured: false, options: { limit: 1 } };
const error: RuleSetting = { level: 'error', levelConfigured: true, options: { limit: 2 } };

/** What `checkIndex` would see: per rule, each watch's record name, setting and data. */
function seen(table: WatchTable): [string, [string | undefined, RuleSetting, unknown][]][] {
  return [...table.byRule()].map(([rule, list]) => [rule.meta.id, list.objects().map((watch) => {
    assert.ok(watch instanceof WatchedObject);
    assert.equal(watch.rule, rule);
    assert.equal(watch.options, watch.setting.options);
    return [watch.record.name, watch.setting, watch.data];
  })]);
}

test('watches come back per rule, in the order rules first watched, each with its own setting and data', () => {
  const table = new WatchTable();
  const [a, b, c] = [record('a'), record('b'), record('c')];
  table.add(new WatchedObject(second!, warning, a, { port: 80 }));
  table.add(new WatchedObject(first!, warning, a, undefined));
  // Options set per file: the second rule's third watch has a setting of its own.
  table.add(new WatchedObject(second!, warning, b, { port: 443 }));
  table.add(new WatchedObject(second!, error, c, { port: 8080 }));
  table.add(new WatchedObject(second!, warning, c, undefined));
  // The first rule's data begin only with its second watch.
  table.add(new WatchedObject(first!, warning, b, { port: 9 }));
  assert.equal(table.size, 6);
  assert.deepEqual(seen(table), [
    [second!.meta.id, [['a', warning, { port: 80 }], ['b', warning, { port: 443 }], ['c', error, { port: 8080 }], ['c', warning, undefined]]],
    [first!.meta.id, [['a', warning, undefined], ['b', warning, { port: 9 }]]],
  ]);
});

test('past the store\'s count, watch data wait on disk and come back equal, and a watch without data stays without', () => {
  const spill = new WatchSpill(2);
  try {
    const table = new WatchTable(spill);
    const records = Array.from({ length: 200 }, (_, position) => record(`svc-${position}`));
    const data = (position: number): unknown => (position % 10 === 9 ? undefined : { port: position, names: [`svc-${position}`], packed: Int32Array.of(position) });
    for (const [position, item] of records.entries()) table.add(new WatchedObject(position % 3 === 0 ? first! : second!, warning, item, data(position)));
    assert.equal(spill.figures.records, 200 - 20 - 2, 'every watch with data but the first two');
    const expected = [first!, second!].map((rule): [string, [string | undefined, RuleSetting, unknown][]] => [rule.meta.id, records.flatMap((item, position) => ((position % 3 === 0) === (rule === first) ? [[item.name, warning, data(position)]] : []))]);
    assert.deepEqual(seen(table), expected);
  } finally {
    spill.close();
  }
});

test('on a thread\'s joined index, watches take its equal records, and those of objects it lacks are dropped', () => {
  const table = new WatchTable();
  const [a, b] = [record('a'), record('b')];
  table.add(new WatchedObject(first!, warning, a, { port: 1 }));
  table.add(new WatchedObject(first!, error, b, { port: 2 }));
  const joined = new ObjectIndex();
  const copy = joined.add(record('a'));
  const moved = table.on(joined);
  assert.equal(moved.size, 1);
  const [rule, list] = [...moved.byRule()][0]!;
  const [watch] = list.objects();
  assert.equal(rule, first);
  assert.equal(watch!.record, copy, "the joined index's own record");
  assert.deepEqual([watch!.setting, watch!.data], [warning, { port: 1 }]);
});

test('a rule learns its setting for each record it watched, and none for the others', () => {
  const table = new WatchTable();
  const [a, b, c, unwatched] = [record('a'), record('b'), record('c'), record('d')];
  table.add(new WatchedObject(first!, warning, a, undefined));
  table.add(new WatchedObject(first!, warning, b, undefined));
  // Options set per file: the second rule watched one record with two settings; the later one counts.
  table.add(new WatchedObject(second!, warning, a, undefined));
  table.add(new WatchedObject(second!, error, c, undefined));
  table.add(new WatchedObject(second!, error, a, undefined));
  const [[, sameSetting], [, ownSettings]] = [...table.byRule()] as [[unknown, RuleWatchList], [unknown, RuleWatchList]];
  assert.deepEqual([a, b, c, unwatched].map((item) => sameSetting.settingOf(item)), [warning, warning, undefined, undefined]);
  assert.deepEqual([a, b, c, unwatched].map((item) => ownSettings.settingOf(item)), [error, undefined, error, undefined]);
  assert.deepEqual([sameSetting.length, ownSettings.length], [2, 3]);
  // An equal record that is not the one watched is not watched: records are told apart by identity.
  assert.equal(sameSetting.settingOf(record('a')), undefined);
});

/** Two rules' watches, the first rule's data watched through a WeakRef; the test holds nothing else of them. */
function twoRulesWatching(): { table: WatchTable; firstData: WeakRef<object> } {
  const table = new WatchTable();
  const data = { port: 80, names: ['a'] };
  table.add(new WatchedObject(first!, warning, record('a'), data));
  table.add(new WatchedObject(second!, warning, record('b'), { port: 443 }));
  return { table, firstData: new WeakRef(data) };
}

/** Runs through the rules as the checks across files do, the first rule's check reading its data. */
function checkEach(table: WatchTable, firstData: WeakRef<object>): string[] {
  const checked: string[] = [];
  for (const [rule, list] of table.byRule()) {
    if (rule === first) assert.equal(list.objects()[0]!.data, firstData.deref());
    checked.push(rule.meta.id);
    assert.equal(table.size, rule === first ? 1 : 0, 'the watches still to come');
  }
  return checked;
}

test('a rule\'s watches are handed over once, and are garbage once its check is done', async () => {
  const { table, firstData } = twoRulesWatching();
  assert.deepEqual(checkEach(table, firstData), [first!.meta.id, second!.meta.id]);
  assert.deepEqual(seen(table), [], 'nothing is handed over twice');
  // A WeakRef's target stays until the current job ends: a large run's watches wait for the collector.
  await new Promise(setImmediate);
  collectGarbage();
  assert.equal(firstData.deref(), undefined, 'the table no longer holds the first rule\'s data');
});

test('a rule whose data begin only past the store\'s count gets them back, and its watches before without any', () => {
  const spill = new WatchSpill(3);
  try {
    const table = new WatchTable(spill);
    const records = Array.from({ length: 2_500 }, (_, position) => record(`svc-${position}`));
    // The rule keeps nothing for its first five watches, then data for every other watch: the first on disk.
    const data = (position: number): unknown => (position < 5 || position % 2 === 1 ? undefined : { port: position });
    for (const [position, item] of records.entries()) table.add(new WatchedObject(first!, warning, item, data(position)));
    assert.equal(spill.figures.records, 1_247, "the even watches from the sixth on");
    assert.deepEqual(seen(table), [[first!.meta.id, records.map((item, position) => [item.name, warning, data(position)])]]);
  } finally {
    spill.close();
  }
});

/** `count` records added to an index whose values go to a store past its first `after`; the store removed after. */
function withStoredRecords(after: number, count: number, check: (index: ObjectIndex, records: IndexedObject[]) => void): void {
  const values = new ValueSpill(after);
  try {
    const index = new ObjectIndex(false, values);
    check(index, Array.from({ length: count }, (_, position) => index.add(record(`svc-${position}`))));
  } finally {
    values.close();
  }
}

test('watches of records the index keeps in its store come back as the index\'s own records, with their settings', () => {
  // Two records kept whole, then the store's: only those have places, and a rule that watched one of the
  // others keeps records from then on.
  withStoredRecords(2, 3_000, (index, records) => {
    assert.equal(index.placeOf(records[1]!), undefined, 'kept whole');
    assert.equal(index.atPlace(index.placeOf(records[2_500]!)!), records[2_500]);
    const table = new WatchTable(undefined, index);
    const setting = (position: number): RuleSetting => (position === 2_900 ? error : warning);
    // The first rule watches the store's records only, one with a setting of its own; the second starts there
    // too, and then watches a record kept whole.
    for (const [position, item] of records.entries()) {
      if (position >= 2 && position % 2 === 0) table.add(new WatchedObject(first!, setting(position), item, { port: position }));
      if (position >= 2 && position % 3 === 0) table.add(new WatchedObject(second!, warning, item, undefined));
    }
    table.add(new WatchedObject(second!, error, records[0]!, undefined));
    const [[, firstList], [, secondList]] = [...table.byRule()] as [[unknown, RuleWatchList], [unknown, RuleWatchList]];
    const firstRecords = records.filter((_, position) => position >= 2 && position % 2 === 0);
    const secondRecords = [...records.filter((_, position) => position >= 2 && position % 3 === 0), records[0]!];
    assert.deepEqual(firstList.objects().map((watch) => [watch.record, watch.setting, watch.data]), firstRecords.map((item) => {
      const position = records.indexOf(item);
      return [item, setting(position), { port: position }];
    }));
    assert.ok(firstList.objects().every((watch, position) => watch.record === firstRecords[position]), "the index's own records");
    assert.ok(secondList.objects().every((watch, position) => watch.record === secondRecords[position]));
    assert.deepEqual([firstList.length, secondList.length], [1_499, 1_000]);
    // Settings by record: watched, watched with its own setting, unwatched, an equal record of another index.
    assert.deepEqual([records[4], records[2_900], records[5], records[2_999], record('svc-4')].map((item) => firstList.settingOf(item!)), [warning, error, undefined, undefined, undefined]);
    assert.deepEqual([records[6], records[0], records[1], records[8]].map((item) => secondList.settingOf(item!)), [warning, error, undefined, undefined]);
  });
});

test('a rule that watches only the store\'s records, with one setting, knows each of them and none other', () => {
  withStoredRecords(0, 1_100, (index, records) => {
    const table = new WatchTable(undefined, index);
    for (const [position, item] of records.entries()) if (position % 7 !== 3) table.add(new WatchedObject(first!, warning, item, undefined));
    const [[, list]] = [...table.byRule()] as [[unknown, RuleWatchList]];
    assert.deepEqual(records.map((item) => list.settingOf(item)), records.map((_, position) => (position % 7 !== 3 ? warning : undefined)));
    assert.equal(list.settingOf(record('svc-0')), undefined);
  });
});
