/** A finding lists its first 20 related locations and counts the rest, in every format that shows them. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lint } from '../src/index.js';
import { runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURE = 'test/manifests/related-limit';

test('a service account bound eleven times names ten bindings and their Roles, and counts the other two', async () => {
  const run = await lint({ paths: ['.'], cwd: path.join(REPO_ROOT, FIXTURE), presets: ['all'], context: [] });
  const finding = run.findings.find((found) => found.ruleId === 'workload-has-privileged-rbac');
  assert.ok(finding, 'the pod can read Secrets');
  assert.equal(finding.related?.length, 20);
  assert.equal(finding.relatedOmitted, 2);
  // The rule's own order: each binding, then the Role it grants.
  assert.deepEqual(finding.related.slice(0, 2).map(({ message, region }) => [region.startLine, message]), [
    [26, 'RoleBinding "app-reads-1" grants Role "reader-1" to the service account.'],
    [16, 'Role "reader-1" is defined here.'],
  ]);
  assert.equal(finding.related.at(-1)?.message, 'Role "reader-10" is defined here.');
  // The message still names every binding.
  assert.match(finding.message, /RoleBinding "app-reads-11"\.$/);
  const few = run.findings.filter((found) => found.ruleId === 'rbac-binding-grants-dangerous-role');
  assert.equal(few.length, 11);
  assert.ok(few.every((found) => found.related?.length === 1 && found.relatedOmitted === undefined));
});

test('text, JSON and SARIF say how many related locations are not listed', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kmlint-related-'));
  const formats = ['text', 'json', 'sarif'].map((format) => `${format}=${path.join(out, `report.${format}`)}`);
  const run = runCli(['--no-config', '--preset', 'all', '--no-context', ...formats.flatMap((format) => ['--format', format]), FIXTURE], { cwd: REPO_ROOT });
  assert.equal(run.status, 0, run.stderr);
  const text = readFileSync(path.join(out, 'report.text'), 'utf8');
  assert.match(text, /related: [^\n]*:232:3 Role "reader-10" is defined here\.\n {10}related: and 2 more, not listed\n/);
  assert.doesNotMatch(text, /RoleBinding "app-reads-11" grants Role "reader-11" to the service account/);
  const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { findings: { ruleId: string; related?: unknown[]; relatedOmitted?: number }[] };
  const listed = json.findings.find((finding) => finding.ruleId === 'workload-has-privileged-rbac');
  assert.equal(listed?.related?.length, 20);
  assert.equal(listed?.relatedOmitted, 2);
  const sarif = JSON.parse(readFileSync(path.join(out, 'report.sarif'), 'utf8')) as { runs: { results: { ruleId: string; relatedLocations?: unknown[]; properties?: Record<string, unknown> }[] }[] };
  assertValidSarif(sarif);
  const result = sarif.runs[0]!.results.find((found) => found.ruleId === 'workload-has-privileged-rbac');
  assert.equal(result?.relatedLocations?.length, 20);
  assert.equal(result?.properties?.relatedOmitted, 2);
  assert.equal(result?.properties?.name, 'app');
});
