import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import rule from '../../src/rules/schema-validation.js';
import { lintWith, testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'schema-validation/invalid/fields.yaml',
      errors: [
        { line: 10, column: 7, endColumn: 29, message: 'Unknown field "imagePulPolicy" in Container (did you mean "imagePullPolicy"?).' },
        { line: 13, column: 11, message: 'Unknown field "protcol" in ContainerPort (did you mean "protocol"?).' },
        { line: 42, column: 3, message: 'Unknown field "extra" in DeploymentSpec.' },
      ],
    },
    {
      fixture: 'schema-validation/invalid/types.yaml',
      errors: [
        { line: 26, column: 11, message: 'spec.containers[0].env[0].value must be a string, not an integer.' },
        { line: 28, column: 11, message: 'spec.containers[0].env[1].value must be a string, not a boolean.' },
        { line: 47, column: 7, message: 'spec.ports[0].targetPort must be an integer or a string, not a boolean.' },
        { line: 56, column: 3, message: 'data.token must be base64-encoded.' },
      ],
    },
    {
      fixture: 'schema-validation/invalid/required-and-enums.yaml',
      errors: [
        { line: 9, column: 7, message: 'Required field "name" is missing in Container.' },
        { line: 10, column: 7, message: 'spec.containers[0].imagePullPolicy is "always"; allowed values: "Always", "Never", "IfNotPresent".' },
      ],
    },
  ],
});

test('custom resources: CRD findings name the field and the CEL rule; unvalidated ones are counted in one run note', async () => {
  const files = ['crd.yaml', 'widgets.yaml'].map((name) => ({ name: `custom-resources/${name}`, text: readFixture(`custom-resources/${name}`) }));
  const run = await lintWith(rule, files);
  const messages = run.findings.map((finding) => `${finding.region.startLine}:${finding.region.startColumn} ${finding.level} ${finding.message}`);
  for (const expected of [
    '8:3 error Unknown field "colour" in spec (did you mean "color"?).',
    '15:1 error spec fails the validation rule "self.minReplicas <= self.maxReplicas": minReplicas must not exceed maxReplicas.',
    // The rule's fieldPath moves the finding to the field.
    `19:3 error spec.color fails the validation rule "self.color.startsWith('#')".`,
    '30:1 error Required field "size" is missing in spec.',
  ]) {
    assert.ok(messages.includes(expected), `${expected}\nnot in\n${messages.join('\n')}`);
  }
  assert.deepEqual(run.findings.filter((finding) => finding.level === 'note'), []);
  assert.deepEqual(
    run.notes.filter((note) => note.startsWith('schema-validation:')),
    ['schema-validation: 1 custom resource(s) were not validated, for want of a CustomResourceDefinition or schema in the input, the context or schemaDirs: Gadget (other.example.com/v1)'],
  );
});

test('a schemaDirs folder that does not exist is a clear internal error, not a stack trace', async () => {
  const run = await lintWith(rule, [{ name: 'cr.yaml', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n' }], { schemaDirs: ['no/such/folder'] });
  assert.equal(run.internalErrors, 1);
  // The custom resources wait for the run's CRDs: the folders are read then, once, and the run names the failure.
  const [note] = run.notes.filter((line) => line.startsWith('internal error'));
  assert.match(note ?? '', /^internal error: rule "schema-validation" failed on the run's index: schemaDirs: cannot read the folder ".*no\/such\/folder"/);
  assert.doesNotMatch(note ?? '', /\n\s+at /);
});

function readFixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, '..', 'manifests', 'schema-validation', 'invalid', name), 'utf8');
}
