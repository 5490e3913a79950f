/** Copies in other files are variants by default (alternative installs, overlays); the scope option widens the check. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from '../../src/rules/duplicate-resource.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { lintText } from '../../src/engine/lint-file.js';
import { lintWith } from '../support/rule-tester.js';

const configMap = (env: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  env: ${env}\n`;

test('the same object in two environment folders is not a duplicate', async () => {
  const run = await lintWith(rule, [
    { name: 'overlays/prod/web.yaml', text: configMap('prod') },
    { name: 'overlays/staging/web.yaml', text: configMap('staging') },
  ]);
  assert.deepEqual(run.findings.filter((finding) => finding.ruleId === 'duplicate-resource'), []);
});

test('with scope folder, the same object twice in one folder is reported once, at the second copy, naming the first', async () => {
  const run = await lintWith(rule, [
    { name: 'overlays/prod/web.yaml', text: configMap('prod') },
    { name: 'overlays/prod/web-copy.yaml', text: configMap('prod') },
  ], { scope: 'folder' });
  const findings = run.findings.filter((finding) => finding.ruleId === 'duplicate-resource');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.message, 'ConfigMap "web" is defined again in namespace "default".');
  assert.equal(findings[0]!.related?.length, 1);
});

test('by default, copies in two files of one folder (alternative installs) are not duplicates', async () => {
  const run = await lintWith(rule, [
    { name: 'manifests/install.yaml', text: configMap('prod') },
    { name: 'manifests/namespace-install.yaml', text: configMap('prod') },
  ]);
  assert.deepEqual(run.findings.filter((finding) => finding.ruleId === 'duplicate-resource'), []);
});

const TWICE = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  # kmlint-disable-next-line duplicate-resource -- kept on purpose while migrating\n  name: web\n`;

test('a suppression comment at the copy applies, though the copy is found only once the run is indexed', async () => {
  const run = await lintWith(rule, [{ name: 'web.yaml', text: TWICE }]);
  const findings = run.findings.filter((finding) => finding.ruleId === 'duplicate-resource');
  assert.deepEqual(findings.map((finding) => [finding.region.startLine, finding.region.startColumn, finding.suppression?.source, finding.related?.[0]?.region.startLine]), [[10, 3, 'comment', 4]]);
});

test('no closure per object: a file with named objects waits on watched records, not on checks', () => {
  const linted = lintText('web.yaml', TWICE, { rules: [{ rule: rule as Rule, setting: { level: 'error', levelConfigured: false, options: { scope: 'file' } } }] });
  assert.equal(linted.pending.length, 0);
  assert.deepEqual(linted.watched?.map(({ record }) => [record.name, record.at.region.startLine]), [['web', 4], ['web', 10]]);
});
