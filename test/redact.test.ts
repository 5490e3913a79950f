/**
 * The redaction stage on the shapes that leaked before: the mask starts at the value (comment after
 * a token, flow mappings on one line), tokens in comments under other rules' findings, duplicate-key
 * and syntax-error frames, parser messages quoting a token, registry URLs in JSON paths.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../src/run/lint.js';
import type { Preset } from '../src/engine/define-rule.js';
import { formatText } from '../src/formatters/text.js';
import { createMasker, credentialSpans, maskSpans, redactFile } from '../src/redact/index.js';
import { rules } from '../src/rules/index.js';
import { finding } from './support/finding.js';

const TOKEN = 'ghp_FAKE0EXAMPLE1TOKEN2abcdefghijklmnopq';

async function textReport(text: string, presets: Preset[] = ['all']): Promise<string> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, stdinFilename: 'x.yaml', presets, keepSources: true });
  return formatText(result, { cwd: process.cwd(), version: '0', rules: rules.map((rule) => rule.meta), sources: result.sources, showSuppressed: true });
}

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

describe('code frames', () => {
  test('a comment after a token: the mask starts at the value and keeps the comment', () => {
    const masked = maskSpans(`  token: ${TOKEN} # rotated monthly\n`, credentialSpans(`  token: ${TOKEN} # rotated monthly\n`));
    assert.equal(masked, '  token: ******** # rotated monthly\n');
  });

  test('a flow mapping on one line: only the credential is masked', async () => {
    const report = await textReport(pod('    - name: app\n      image: nginx:1.27\n      env: [{ name: DB_PASSWORD, value: Zq8xLmP2vR7t }, { name: MODE, value: fast }]\n'));
    assert.match(report, /\| {7}env: \[\{ name: DB_PASSWORD, value: \*{8} \}, \{ name: MODE, value: fast \}\]/);
    assert.ok(!report.includes('Zq8xLmP2vR7t'));
  });

  test('a token in a comment is masked under another rule, with the secret rules off', async () => {
    const report = await textReport(pod(`    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true # ${TOKEN}\n`), ['pss-baseline']);
    assert.match(report, /privileged: true # \*{8}\n/);
    assert.ok(!report.includes('ghp_FAKE'));
  });

  test('duplicate-key and yaml-syntax-error frames do not print the value', async () => {
    const duplicate = await textReport('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: Zq8xLmP2vR7t1\n  password: Zq8xLmP2vR7t2\n');
    assert.match(duplicate, /duplicate-key/);
    assert.ok(!/Zq8xLmP2vR7t/.test(duplicate), duplicate);
    const broken = await textReport('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: Zq8xLmP2vR7t1: x\n');
    assert.match(broken, /yaml-syntax-error/);
    assert.ok(!/Zq8xLmP2vR7t/.test(broken), broken);
  });
});

describe('messages and paths', () => {
  const syntaxError = (message: string) => finding({ ruleId: 'yaml-syntax-error', level: 'error', message, path: [], fingerprint: 'before' });

  test('a parser message quoting a token, or part of it, is masked, and the fingerprint no longer hashes it', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  api_token: Zq8xLmP2vR7tK9wB\n`;
    const file = { findings: [syntaxError('Unexpected scalar token in YAML stream: "Zq8xLmP2vR7tK9wB"'), syntaxError('near "LmP2vR7tK9"')], notes: ['x.yaml: Zq8xLmP2vR7tK9wB'] };
    redactFile(file, text);
    assert.equal(file.findings[0]!.message, 'Unexpected scalar token in YAML stream: "****"');
    assert.equal(file.findings[1]!.message, 'near "****"');
    assert.notEqual(file.findings[0]!.fingerprint, 'before');
    assert.deepEqual(file.notes, ['x.yaml: ****']);
  });

  test('the masker leaves words alone that merely contain a short secret', () => {
    const mask = createMasker(['mysql', 'r00tpw', 'Zq8xLmP2vR7t']);
    assert.equal(mask('Container "mysql" image mysql:8'), 'Container "mysql" image mysql:8', 'below 6 characters, nothing is hunted');
    assert.equal(mask('pw r00tpw, not r00tpwd'), 'pw ****, not r00tpwd');
  });

  test('an embedded .dockerconfigjson: the message names no registry password', async () => {
    const config = JSON.stringify({ auths: { 'https://robot:Zq8xLmP2vR7tK9@registry.example.com': { auth: Buffer.from('robot:Zq8xLmP2vR7tK9').toString('base64') } } });
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: pull\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${Buffer.from(config).toString('base64')}\n`;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, presets: ['all'] });
    const hit = result.findings.find((f) => f.ruleId === 'hardcoded-credential-pattern');
    assert.ok(hit, 'the registry login is found');
    assert.match(hit.message, /Container registry login/);
    assert.ok(!JSON.stringify(result).includes('Zq8xLmP2'));
  });
});
