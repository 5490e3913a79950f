/**
 * The checks across files at scale: what they read back from disk grows with the input, not with its square,
 * and a check's findings go on to their files as it reports them instead of all waiting until it ends.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defineRule } from '../src/engine/define-rule.js';
import { runIndexChecks } from '../src/engine/index-checks.js';
import { DEFAULT_RUN_SETTINGS } from '../src/engine/run-settings.js';
import { RuleWatchList, WatchedObject, WatchTable } from '../src/engine/watch.js';
import { ObjectIndex, type IndexedObject } from '../src/k8s/object-index.js';
import { RecordShelf } from '../src/k8s/stored-record.js';
import { rules } from '../src/rules/index.js';
import { lint } from '../src/run/lint.js';
import { FindingSpool } from '../src/run/spool.js';
import type { Finding } from '../src/types.js';

/** Copy `i` of an app: its own namespace, the `default` service account, and a binding of every service account's group. */
function copy(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team-${i}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: secrets-for-all-${i}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: secret-reader-${i}
subjects:
  - kind: Group
    name: system:serviceaccounts
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: secret-reader-${i}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
`;
}

/** Values the rules read back from disk over `copies` copies of an app (every value kept on disk), and their findings. */
async function runOnDisk(copies: number, app: (i: number) => string, ruleIds: readonly string[]): Promise<{ reads: number; records: number; findings: Finding[] }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kmlint-stage-'));
  const spool = new FindingSpool(0);
  try {
    for (let i = 0; i < copies; i++) writeFileSync(path.join(folder, `app-${i}.yaml`), app(i));
    const run = await lint({
      paths: [folder], cwd: folder, context: [], spool, indexInMemory: 0, stats: true,
      rules: rules.filter((rule) => ruleIds.includes(rule.meta.id)),
      presets: ['all'],
    });
    return { reads: run.stats?.indexOnDisk?.reads ?? 0, records: run.stats?.indexOnDisk?.records ?? 0, findings: [...(run.spool ?? run.findings)] };
  } finally {
    spool.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('the RBAC checks read each value back a few times, however many copies bind every service account', async () => {
  // More bindings than the reader keeps recent values: a check that read each binding once per service
  // account would read about copies² values (360,000 here).
  const copies = 600;
  const { reads, records, findings } = await runOnDisk(copies, copy, ['workload-has-privileged-rbac', 'automount-service-account-token']);
  assert.equal(records, copies * 3, 'every value waited on disk');
  assert.ok(reads <= 4 * records, `values read back: ${reads} for ${records} records`);
  const privileged = findings.filter((finding) => finding.ruleId === 'workload-has-privileged-rbac');
  assert.equal(privileged.length, copies, 'every copy\'s workload can read Secrets through every copy\'s binding');
  assert.equal(privileged[0]!.related?.length, 20, 'a finding lists 20 of the bindings and their roles');
  assert.equal(privileged[0]!.relatedOmitted, copies * 2 - 20);
  assert.equal(findings.filter((finding) => finding.ruleId === 'automount-service-account-token').length, copies, 'a group binding names no account');
});

const record = (i: number): IndexedObject => ({
  apiVersion: 'v1', group: '', kind: 'ConfigMap', name: `cm-${i}`, namespace: 'default', labels: {}, annotations: {}, value: {}, pods: [],
  at: { file: `cm-${i % 3}.yaml`, region: { startLine: i + 1, startColumn: 1, endLine: i + 1, endColumn: 3 }, path: ['metadata', 'name'] }, fromContext: false,
});

test('a check\'s findings are handed on in batches while it reports, in the order it reported them', () => {
  const handed: Finding[][] = [];
  let handedWhileReporting = 0;
  const rule = defineRule<'each', Record<string, never>, number>({
    meta: {
      id: 'every-object-test', category: 'reliability', level: 'warning', presets: [], crossObject: true,
      summary: 'Reports every object.', remediation: 'None.', messages: { each: 'Object {{n}}.' },
    },
    create: () => ({}),
    checkIndex(_index, context) {
      for (const watch of context.watched) {
        context.report({ messageId: 'each', data: { n: String(watch.data) }, at: watch.record.at }, watch);
        if (watch.data === 299) handedWhileReporting = handed.flat().length;
      }
    },
  });
  const index = new ObjectIndex();
  const table = new WatchTable();
  for (let i = 0; i < 600; i++) table.add(new WatchedObject(rule, { level: 'warning', levelConfigured: false, options: {} }, index.add(record(i)), i));
  index.seal();
  const outcomes = [...runIndexChecks(index, table, DEFAULT_RUN_SETTINGS, new Map(), () => {}, (ruleId, findings) => {
    assert.equal(ruleId, 'every-object-test');
    handed.push(findings);
  })];
  assert.equal(handedWhileReporting, 256, 'the first batch went on before the check ended');
  assert.deepEqual(handed.map((batch) => batch.length), [256, 256]);
  assert.equal(outcomes.length, 1);
  assert.equal(outcomes[0]!.findings.length, 88, 'the outcome holds what the batches did not');
  const messages = [...handed.flat(), ...outcomes[0]!.findings].map((finding) => finding.message);
  assert.deepEqual(messages, Array.from({ length: 600 }, (_, i) => `Object ${i}.`));
});

/** Two rules asking the index the same questions three times each: what each computed, and the answers it got. */
function askTwice(index: ObjectIndex): { computed: { own: number; shared: number }; seen: string[]; tables: number[] } {
  const computed = { own: 0, shared: 0 };
  const seen: string[] = [];
  const tables: number[] = [];
  const counting = (id: string) => defineRule<'each', Record<string, never>, number>({
    meta: {
      id, category: 'reliability', level: 'warning', presets: [], crossObject: true,
      summary: 'Asks the index the same questions for every object.', remediation: 'None.', messages: { each: 'Object {{n}}.' },
    },
    create: () => ({}),
    checkIndex(asked) {
      for (let i = 0; i < 3; i++) {
        seen.push(`${id}: ${asked.ruleMemo('answer', () => `${id} ${++computed.own}`)}`);
        tables.push(asked.memo('table', () => asked.all.length * 10 + ++computed.shared));
      }
    },
  });
  const first = counting('first-memo-test');
  const second = counting('second-memo-test');
  const table = new WatchTable();
  const setting = { level: 'warning' as const, levelConfigured: false, options: {} };
  for (let i = 0; i < 4; i++) table.add(new WatchedObject(i % 2 === 0 ? first : second, setting, index.add(record(i)), i));
  index.seal();
  assert.deepEqual([...runIndexChecks(index, table, DEFAULT_RUN_SETTINGS)].map((outcome) => outcome.ruleId), ['first-memo-test', 'second-memo-test']);
  assert.deepEqual(seen, [
    ...Array.from({ length: 3 }, () => 'first-memo-test: first-memo-test 1'),
    ...Array.from({ length: 3 }, () => 'second-memo-test: second-memo-test 2'),
  ], 'each rule computes its own answer once, and does not get the rule before\'s');
  return { computed, seen, tables };
}

test('what one rule keeps with ruleMemo lasts through its checks and is let go before the next rule\'s', () => {
  const { computed, tables } = askTwice(new ObjectIndex());
  assert.equal(computed.shared, 1, 'a table any rule may ask for stays for the whole stage');
  assert.deepEqual(tables, Array.from({ length: 6 }, () => 41));
});

test('a large run\'s index lets go of the tables rules share as each rule\'s checks end, and builds them again when asked', () => {
  const { computed, tables } = askTwice(new ObjectIndex(false, undefined, true));
  assert.equal(computed.shared, 2, 'built once for each rule that asks');
  assert.deepEqual(tables, [41, 41, 41, 42, 42, 42], 'kept through one rule\'s checks');
});

test('a check that never reads its watches gets no object per watch, and still learns each record\'s options', (t) => {
  let made = 0;
  const objects = RuleWatchList.prototype.objects;
  t.mock.method(RuleWatchList.prototype, 'objects', function (this: RuleWatchList) {
    made++;
    return objects.call(this);
  });
  const scoped: string[] = [];
  const rule = defineRule<'each', { scope: string }>({
    meta: {
      id: 'options-only-test', category: 'reliability', level: 'warning', presets: [], crossObject: true,
      summary: 'Reports watched objects from the index alone.', remediation: 'None.', messages: { each: 'Object {{n}}.' },
    },
    create: () => ({}),
    checkIndex(index, context) {
      for (const item of index.all) {
        const options = context.optionsFor(item);
        if (!options) continue;
        scoped.push(`${item.name} ${options.scope}`);
        context.report({ messageId: 'each', data: { n: item.name! }, at: item.at });
      }
    },
  });
  const index = new ObjectIndex();
  const table = new WatchTable();
  const records = Array.from({ length: 6 }, (_, i) => index.add(record(i)));
  // Every other object watched, as a rule that watches only some objects (named ones) does.
  for (const item of records.filter((_, i) => i % 2 === 0)) table.add(new WatchedObject(rule as never, { level: 'warning', levelConfigured: false, options: { scope: 'file' } }, item, undefined));
  index.seal();
  const [outcome] = [...runIndexChecks(index, table, DEFAULT_RUN_SETTINGS)];
  assert.deepEqual(scoped, [0, 2, 4].map((i) => `${records[i]!.name} file`));
  assert.deepEqual(outcome!.findings.map((finding) => finding.message), [0, 2, 4].map((i) => `Object ${records[i]!.name}.`));
  assert.equal(outcome!.failure, undefined);
  assert.equal(made, 0, 'no list of watches was made');
  // A check that reads them gets them, once however often it reads.
  const reading = defineRule<'each', Record<string, never>>({
    meta: {
      id: 'reads-watches-test', category: 'reliability', level: 'warning', presets: [], crossObject: true,
      summary: 'Reads its watches twice.', remediation: 'None.', messages: { each: 'Object.' },
    },
    create: () => ({}),
    checkIndex(_index, context) {
      assert.equal(context.watched, context.watched);
      assert.equal(context.watched.length, 3);
    },
  });
  const again = new WatchTable();
  for (const item of records.filter((_, i) => i % 2 === 0)) again.add(new WatchedObject(reading, { level: 'warning', levelConfigured: false, options: {} }, item, undefined));
  assert.equal([...runIndexChecks(index, again, DEFAULT_RUN_SETTINGS)][0]!.failure, undefined);
  assert.equal(made, 1);
});

test('Services that share a selector of many pod templates have their target port checked once, not once per Service', async () => {
  // Copies of an app in one namespace: each copy's Service selects every copy's pods, whose ports have no "metrics".
  const copies = 300;
  const app = (i: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web-${i}
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 9090
      targetPort: metrics
`;
  const { reads, records, findings } = await runOnDisk(copies, app, ['service-target-port-mismatch']);
  assert.equal(records, copies * 2, 'every value waited on disk');
  // Once per Service and once per template it selects, where checking each Service alone would read copies² templates.
  assert.ok(reads <= 2 * records, `values read back: ${reads} for ${records} records`);
  assert.equal(findings.length, copies);
  assert.ok(findings.every((finding) => finding.message.includes('targets port "metrics"') && finding.related?.length === 3));
});

test('copies of one object across many files have their locations read once each, not once per pair', async (t) => {
  // The same ConfigMap in 300 files (the default scope is the file, so none is a duplicate), plus one file that
  // holds it twice: a check that compared every copy with every other read each location 90,000 times.
  const copies = 300;
  const object = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: fast\n';
  const locations = t.mock.method(RecordShelf.prototype, 'location');
  const { records, findings } = await runOnDisk(copies, (i) => (i === 7 ? `${object}---\n${object}` : object), ['duplicate-resource']);
  assert.equal(records, copies + 1, 'every value waited on disk');
  assert.deepEqual(findings.map((finding) => [path.basename(finding.file), finding.region.startLine, finding.related?.[0]?.region.startLine]), [['app-7.yaml', 12, 4]]);
  assert.ok(locations.mock.callCount() <= 3 * records, `locations read: ${locations.mock.callCount()} for ${records} records`);
});
