/**
 * A cross-object security finding carries the related object's location into every format: the binding
 * that grants a dangerous Role points at the Role, in SARIF relatedLocations, JSON and text.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from './support/cli.js';
import { MANIFESTS } from './support/rule-tester.js';

const RULE = 'rbac-binding-grants-dangerous-role';
const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-cross-'));
cpSync(path.join(MANIFESTS, RULE, 'invalid', 'role-in-input'), dir, { recursive: true });
after(() => rmSync(dir, { recursive: true, force: true }));

function lint(format: string): string {
  const result = runCli(['--preset', 'all', '--fail-on', 'warning', '--format', format, '.'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  return result.stdout;
}

describe('related locations of a cross-object security rule', () => {
  test('SARIF: the Role is a relatedLocation of the binding finding', () => {
    const sarif = JSON.parse(lint('sarif')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } }; message: { text: string } }[] }[] }[];
    };
    const results = sarif.runs[0]!.results.filter((result) => result.ruleId === RULE);
    assert.equal(results.length, 1);
    const [result] = results;
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'binding.yaml');
    assert.equal(result!.locations[0]!.physicalLocation.region.startLine, 9);
    const related = result!.relatedLocations ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.physicalLocation.artifactLocation.uri, 'role.yaml');
    assert.deepEqual([related[0]!.physicalLocation.region.startLine, related[0]!.physicalLocation.region.startColumn], [4, 3]);
    assert.match(related[0]!.message.text, /Role "debugger"/);
  });

  test('JSON: the finding lists the Role under related', () => {
    const json = JSON.parse(lint('json')) as { findings: { ruleId: string; file: string; related?: { file: string; region: { startLine: number }; message: string }[] }[] };
    const finding = json.findings.find((candidate) => candidate.ruleId === RULE);
    assert.ok(finding);
    assert.equal(finding.file, 'binding.yaml');
    assert.deepEqual(
      finding.related?.map((related) => [related.file, related.region.startLine]),
      [['role.yaml', 4]],
    );
  });

  test('text: the Role is printed under the finding', () => {
    const text = lint('text');
    assert.match(text, /RoleBinding "debuggers" grants Role "debugger", which allows reading Secrets, exec or attach into pods\./);
    assert.match(text, /related: role\.yaml:4:3 Role "debugger" is defined here\./);
  });
});
