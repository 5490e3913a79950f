/** The config file: found walking up, validated with errors at their exact position, resolved into lint options. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { STARTER_CONFIG } from '../src/config/init.js';
import { loadConfig, parseConfig, rebaseIgnore } from '../src/config/load.js';
import { buildConfigSchema } from '../src/config/schema.js';
import { ConfigError } from '../src/config/problems.js';
import { usedBy, validatorFor } from '../src/config/validate.js';
import { setupRun } from '../src/config/run-setup.js';
import { lint } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';
import { configSchemaText } from '../scripts/generate-config-schema.js';

const CONFIGS = path.resolve(import.meta.dirname, 'manifests', 'config');
const REPO = path.resolve(import.meta.dirname, '..');

async function problemsOf(cwd: string): Promise<string[]> {
  try {
    await loadConfig({ cwd, rules });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message.split('\n');
  }
  assert.fail('the config should not load');
}

describe('config errors at their line and column', () => {
  test('YAML: misspelt rule id and keys with suggestions, bad date, wrong types, missing selector', async () => {
    assert.deepEqual(await problemsOf(path.join(CONFIGS, 'typo')), [
      '.kmlint.yaml:7:13: unknown rule "privileged-contianer" (did you mean "privileged-container"?)',
      '.kmlint.yaml:9:14: exemptions[0].expires must be a date written YYYY-MM-DD, not "2027-13-01"',
      '.kmlint.yaml:10:5: exemptions[1] needs at least one of kind, namespace, name, path, container; to turn a rule off everywhere, set its level to off under rules',
      '.kmlint.yaml:12:14: maxWarnings must be a whole number, not string "ten"',
      '.kmlint.yaml:13:9: failOn must be one of note, warning, error, not "warn" (did you mean "warning"?)',
      '.kmlint.yaml:14:1: unknown key "ignor" (did you mean "ignore"?)',
      '.kmlint.yaml:16:1: unknown key "rules2" (did you mean "rules"?)',
    ]);
  });

  test('JSON config: positions inside the JSON text', async () => {
    assert.deepEqual(await problemsOf(path.join(CONFIGS, 'json-error')), [
      'kmlint.config.json:3:29: rules.privileged-container must be one of off, note, warning, error, not "eror" (did you mean "error"?)',
      'kmlint.config.json:5:14: unknown rule "host-netwrok" (did you mean "host-network"?)',
      'kmlint.config.json:6:18: maxWarnings must be >= 0',
    ]);
  });

  test('an unknown rule under rules points at the key, and a misspelt level at the value', () => {
    const text = 'rules:\n  host-network: warning\n  privileged-contianer: error\n  host-pid: [ warnin ]\n';
    assert.throws(
      () => parseConfig(text, { file: '/x/.kmlint.yaml', display: '.kmlint.yaml', cwd: '/x', rules }),
      (error: ConfigError) =>
        error.message ===
        [
          '.kmlint.yaml:3:3: unknown rule "privileged-contianer" (did you mean "privileged-container"?)',
          '.kmlint.yaml:4:15: rules.host-pid[0] must be one of off, note, warning, error, not "warnin" (did you mean "warning"?)',
        ].join('\n'),
    );
  });

  test("a rule's options are checked against its own schema, misspelt option names included", () => {
    const text = 'rules:\n  host-path-volume: [warning, { allowedPath: [/var/log] }]\n';
    assert.throws(
      () => parseConfig(text, { file: '/x/.kmlint.yaml', display: '.kmlint.yaml', cwd: '/x', rules }),
      (error: Error) => error.message === '.kmlint.yaml:2:33: unknown key "allowedPath" in rules.host-path-volume[1] (did you mean "allowedPaths"?)',
    );
  });

  test('the schema of only the rules and keys a configuration uses gives the verdict of the whole schema', () => {
    const configs = [
      { extends: ['recommended'], rules: { 'host-network': 'warning' } },
      { rules: { 'host-network': 'warning', 'privileged-contianer': 'error', 'host-pid': ['warnin'] } },
      { rules: { 'host-path-volume': ['warning', { allowedPath: ['/var/log'] }] } },
      { rules: { 'host-path-volume': ['warning', { allowedPaths: ['/var/log'] }], 'resource-limits': 'loud' } },
      { overrides: [{ kinds: ['Job'], rules: { 'host-netwrok': 'off', 'host-path-volume': ['error', { allowedPaths: 3 }] } }, { rules: {} }] },
      { overrides: [null, 'x', { files: ['a/**'], rules: 'off' }], rules: [] },
      { exemptions: [{ rules: ['no-such-rule'], reason: 'r' }], strict: ['host-network', 'nope'], failOn: 'loud' },
      { render: { helm: [{ chart: 'c', valueSets: [{ name: '' }], kubeVersion: '1.x' }], kustomiz: [] }, workloads: [{ kind: 'Job' }] },
      { extnds: ['all'], failon: 'error', ignore: [''], baseline: 3 },
      'not a map',
      ['a', 'list'],
    ];
    const whole = validatorFor(rules);
    for (const config of configs) {
      const only = validatorFor(rules, usedBy(config));
      const verdict = (validate: typeof whole) => [validate(config), JSON.stringify((validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })))];
      assert.deepEqual(verdict(only), verdict(whole), JSON.stringify(config));
    }
    assert.ok(JSON.stringify(buildConfigSchema(rules, usedBy(configs[0]))).length * 10 < JSON.stringify(buildConfigSchema(rules)).length, 'the schema compiled for one named rule is a small part of the whole');
    // A key the configuration leaves out is still known (an unknown key's suggestion lists it) but not compiled.
    const twoKeys = buildConfigSchema(rules, usedBy(configs[0])).properties as Record<string, unknown>;
    assert.deepEqual(Object.keys(twoKeys), Object.keys(buildConfigSchema(rules).properties as object));
    assert.deepEqual(twoKeys.render, {});
    assert.notDeepEqual(twoKeys.extends, {});
  });

  test('YAML syntax errors and duplicate keys are config errors too', () => {
    assert.throws(
      () => parseConfig('failOn: error\nfailOn: warning\n', { file: '/x/.kmlint.yaml', display: '.kmlint.yaml', cwd: '/x', rules }),
      (error: Error) => /^\.kmlint\.yaml:2:1: Map keys must be unique/.test(error.message),
    );
  });

  test('--config naming a missing file is an error, not a silent default', async () => {
    await assert.rejects(loadConfig({ cwd: REPO, configFile: 'no-such.kmlint.yaml', rules }), /no-such\.kmlint\.yaml:1:1: no such config file/);
  });
});

describe('finding and resolving', () => {
  test('the nearest config is found walking up from the working directory', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kmlint-config-'));
    const nested = path.join(root, 'apps', 'web');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(root, '.kmlint.yml'), 'failOn: warning\nignore: ["apps/web/generated/**", "*.tpl.yaml", "other/**"]\n');
    const config = await loadConfig({ cwd: nested, rules });
    assert.equal(config?.file, path.join(root, '.kmlint.yml'));
    assert.equal(config?.failOn, 'warning');
    // Globs are relative to the config file; discover() wants them relative to the working directory.
    assert.deepEqual(config?.ignore, ['/generated/**', '*.tpl.yaml']);
  });

  test('ignore globs rebased when the config file sits below the working directory', () => {
    assert.deepEqual(rebaseIgnore(['vendor/**', '*.bak.yaml'], '/repo/deploy', '/repo'), ['/deploy/vendor/**', '*.bak.yaml']);
  });

  test('rules, presets, strict, workloads and exemptions resolve into lint options', () => {
    const config = parseConfig(
      [
        'extends: [pss-baseline]',
        'rules:',
        '  host-network: [warning]',
        '  privileged-container: off',
        'workloads:',
        '  - kind: BatchJob',
        '    group: batch.example.com',
        '    podSpec: spec.template.spec',
        'exemptions:',
        '  - name: "node-*"',
        '    reason: node agents',
        'strict: [host-pid]',
      ].join('\n'),
      { file: '/repo/.kmlint.yaml', display: '.kmlint.yaml', cwd: '/repo', rules },
    );
    assert.deepEqual(config.presets, ['pss-baseline']);
    assert.deepEqual(config.ruleOverrides.get('host-network'), { level: 'warning' });
    assert.deepEqual(config.ruleOverrides.get('privileged-container'), { level: 'off' });
    assert.deepEqual(config.extraWorkloads, [
      { kind: 'BatchJob', group: 'batch.example.com', pods: [{ spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] }] },
    ]);
    assert.equal(config.exemptions[0]!.origin.region.startLine, 10);
    assert.deepEqual(config.exemptions[0]!.rules, []);
    assert.deepEqual(config.strict, ['host-pid']);
  });

  test('an extra workload kind from config gets every pod rule', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kmlint-config-'));
    writeFileSync(path.join(root, '.kmlint.yaml'), 'workloads:\n  - kind: BatchJob\n    podSpec: spec.template.spec\n');
    writeFileSync(
      path.join(root, 'job.yaml'),
      'apiVersion: batch.example.com/v1\nkind: BatchJob\nmetadata:\n  name: nightly\nspec:\n  template:\n    spec:\n      containers:\n        - name: run\n          securityContext:\n            privileged: true\n',
    );
    const setup = await setupRun({}, { cwd: root, rules });
    const run = await lint({ paths: ['.'], cwd: root, ...setup.lint });
    const privileged = run.findings.find((finding) => finding.ruleId === 'privileged-container');
    assert.equal(privileged?.region.startLine, 11);
  });

  test('kmlint init writes a starter config that loads as it is', () => {
    const config = parseConfig(STARTER_CONFIG, { file: '/repo/.kmlint.yaml', display: '.kmlint.yaml', cwd: '/repo', rules });
    assert.deepEqual(config.presets, ['recommended']);
    assert.equal(config.failOn, 'error');
  });

  test('the configuration schema and every rule option schema are valid JSON Schema (runs compile them unchecked)', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(buildConfigSchema(rules)), true, ajv.errorsText());
    for (const rule of rules.filter((candidate) => candidate.meta.options !== undefined)) {
      assert.equal(ajv.validateSchema(rule.meta.options!), true, `${rule.meta.id}: ${ajv.errorsText()}`);
    }
    // The check can fail: a misspelt type is not JSON Schema.
    assert.equal(ajv.validateSchema({ type: 'object', properties: { paths: { type: 'strings' } } }), false);
  });

  test('schemas/kmlint-config.schema.json is up to date with the rules (npm run generate)', () => {
    assert.equal(readFileSync(path.join(REPO, 'schemas', 'kmlint-config.schema.json'), 'utf8'), configSchemaText());
  });
});
