/** Copies in other files are variants by default (alternative installs, overlays); the scope option widens the check. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from '../../src/rules/duplicate-resource.js';
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
