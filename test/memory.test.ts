/**
 * Files waiting for cross-object checks hold no text: a file on disk is read again when its checks gave it
 * findings, and those findings are masked against it like any other.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defineRule, type Rule } from '../src/engine/define-rule.js';
import { lintText } from '../src/engine/lint-file.js';
import { ObjectIndex } from '../src/k8s/object-index.js';
import type { Finding } from '../src/types.js';
import { formatJson } from '../src/formatters/json.js';
import { formatText } from '../src/formatters/text.js';
import { lintSources, type Source } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';

const FILE = 'test/manifests/memory/credential-reference.yaml';
const TOKEN = 'ghp_FAKE0EXAMPLE1TOKEN2abcdefghijklmnopq';
const context = { cwd: process.cwd(), version: '0.0.0-test', rules: rules.map((rule) => rule.meta), showSuppressed: true, codeFrame: true };
// --complete: a ConfigMap the input lacks is a dangling reference, found by a cross-object check.
const options = { cwd: process.cwd(), context: [], complete: true, keepSources: true };

/** The file as the CLI sees it (on disk, so it can be read again), counting its reads; `texts` are what each read gives. */
function onDisk(texts: string[]): { source: Source; reads: () => number } {
  let reads = 0;
  const source: Source = {
    display: FILE,
    absolute: path.resolve(FILE),
    read: async () => ({ text: texts[Math.min(reads++, texts.length - 1)]! }),
  };
  return { source, reads: () => reads };
}

test('a cross-object finding quoting a credential is masked after the file is read again, in the report and its code frames', async () => {
  const text = readFileSync(FILE, 'utf8');
  const { source, reads } = onDisk([text]);
  const run = await lintSources([source], options);
  const dangling = run.findings.find((finding) => finding.ruleId === 'dangling-config-reference');
  assert.equal(dangling?.message, 'The pod reads ConfigMap "****", which is not in namespace "default".');
  assert.equal(reads(), 2);
  const reports = formatJson(run, context) + formatText(run, { ...context, sources: run.sources });
  assert.ok(!reports.includes('ghp_FAKE'), reports);
  assert.match(reports, / 11 \| {13}name: \*{8}\n/);
  // The same run from a text handed in (kept, never read again) gives the same report.
  const kept = await lintSources([{ display: FILE, read: async () => ({ text }) }], options);
  assert.equal(formatJson(kept, context), formatJson(run, context));
});

test('a file changed while the run waited: a note, and its late findings say nothing that could hold a credential', async () => {
  const text = readFileSync(FILE, 'utf8');
  const { source } = onDisk([text, text.replace('name: web', 'name: other')]);
  const run = await lintSources([source], options);
  assert.ok(run.notes.includes(`${FILE}: changed while kmlint ran; its report may not match it, lint it again`), run.notes.join('\n'));
  const dangling = run.findings.find((finding) => finding.ruleId === 'dangling-config-reference');
  assert.ok(dangling && !formatJson(run, context).includes('ghp_FAKE'));
  assert.ok(!dangling.message.includes(TOKEN.slice(0, 12)));
  // The text that changed is searched for credentials again: where the linted text held them is elsewhere now.
  const framed = formatText(run, { ...context, sources: run.sources });
  assert.match(framed, / 11 \| {13}name: \*{8}\n/);
  assert.ok(!framed.includes(TOKEN.slice(-2)), framed);
});

test('a file that waited but got no late finding is not read again', async () => {
  // duplicate-resource waits for the index for every named object; a single ConfigMap gets no finding from it.
  const { source, reads } = onDisk(['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: web\n']);
  const run = await lintSources([source], { cwd: process.cwd(), context: [], presets: ['recommended' as const] });
  assert.deepEqual(run.findings, []);
  assert.equal(reads(), 1);
});

test('a waiting check keeps its rule context, not the file\'s rule instance with its visitors', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let visitors: WeakRef<object> | undefined;
  const waiting = defineRule({
    meta: { id: 'test-waiting', category: 'reliability', level: 'note', presets: [], summary: 'Waits.', remediation: 'None.', crossObject: true, messages: { seen: 'seen' } },
    create(context) {
      const made = {
        object() {
          const at = context.locate(['kind']);
          context.afterIndex(() => context.report({ messageId: 'seen', at }));
        },
      };
      visitors = new WeakRef(made);
      return made;
    },
  });
  const { pending } = lintText('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', { rules: [{ rule: waiting as Rule, setting: { level: 'note', levelConfigured: false, options: {} } }] });
  // WeakRefs are cleared only after the job that made them.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(visitors?.deref(), undefined);
  const findings: Finding[] = [];
  pending[0]!.run(new ObjectIndex(false), findings);
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.region.startLine]), [['test-waiting', 2]]);
});

test('a run without rules that relate objects keeps no index record; one rule that does brings the index back', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';
  const setting = { level: 'warning', levelConfigured: false, options: {} } as const;
  const byId = (id: string) => rules.find((rule) => rule.meta.id === id)!;
  // The Pod Security Standards presets hold no cross-object rule.
  const perObject = rules.filter((rule) => rule.meta.presets?.includes('pss-restricted'));
  assert.ok(perObject.length > 20 && perObject.every((rule) => !rule.meta.crossObject));
  const alone = new ObjectIndex(false);
  const linted = lintText('a.yaml', text, { rules: perObject.map((rule) => ({ rule, setting })), index: alone });
  assert.equal(linted.objectCount, 2);
  assert.equal(alone.all.length, 0);
  const related = new ObjectIndex(false);
  lintText('a.yaml', text, { rules: [...perObject, byId('duplicate-resource')].map((rule) => ({ rule, setting })), index: related });
  assert.deepEqual(related.all.map((record) => `${record.kind}/${record.name}`), ['ConfigMap/a', 'Service/b']);
  // Context files are indexed whatever the rules, as only runs that need the index read them.
  const context = new ObjectIndex(false);
  lintText('c.yaml', text, { rules: [], index: context, contextOnly: true });
  assert.equal(context.all.length, 2);
});
