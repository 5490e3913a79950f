/** A required field that is not written is reported as missing, at the mapping that lacks it, for built-in kinds and custom resources alike. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lint } from '../src/run/lint.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURES = path.join('test', 'manifests', 'schema-validation', 'invalid');

test('missing required fields carry missing: true and the path of the field, on built-in kinds and custom resources', async () => {
  const run = await lint({
    paths: [path.join(FIXTURES, 'custom-resources'), path.join(FIXTURES, 'required-and-enums.yaml')],
    cwd: REPO_ROOT,
    context: [],
    presets: [],
    ruleOverrides: new Map([['schema-validation', { level: 'error' }]]),
  });
  const missing = run.findings.filter((finding) => finding.message.startsWith('Required field'));
  const seen = missing.map((finding) => `${path.basename(finding.file)}:${finding.region.startLine} ${finding.path?.join('.')} ${finding.missing}`).sort();
  assert.deepEqual(seen, [
    'required-and-enums.yaml:24 spec.selector true',
    'required-and-enums.yaml:24 spec.template true',
    'required-and-enums.yaml:28 roleRef true',
    'required-and-enums.yaml:9 spec.containers.0.name true',
    'widgets.yaml:30 spec.size true',
  ]);
});
