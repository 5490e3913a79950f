/**
 * Property: a credential written anywhere a manifest can hold one (env entries block and flow,
 * ConfigMap keys, flow mappings, config files in block scalars, comments, Secret data and
 * stringData, URLs, embedded JSON, registry logins, broken YAML) never reaches any output: not the
 * value, not its base64, not any 8 characters of it, whatever rules are enabled and with
 * suppressed findings shown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lint } from '../src/run/lint.js';
import { loadFormatter, FORMATS } from '../src/formatters/index.js';
import type { Preset } from '../src/engine/define-rule.js';
import { rules } from '../src/rules/index.js';
import { baselineOf } from '../src/suppress/baseline.js';
import { CLI, runCli } from './support/cli.js';
import { existsSync } from 'node:fs';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

const CREDENTIAL_NAMES = ['DB_PASSWORD', 'API_TOKEN', 'client_secret', 'adminPassword', 'SLACK_TOKEN', 'redis-password'];

/** Random enough to be taken for a credential, never a placeholder. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((body) => `Q7${body}z`);

type Place = (secret: string, name: string, quote: string) => string;

const pod = (env: string, annotations = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n${annotations}spec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n${env}`;
const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${data}`;
const secretObject = (body: string, type = ''): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n${type}${body}`;

const PLACES: Record<string, Place> = {
  envBlock: (s, name, q) => pod(`        - name: ${name}\n          value: ${q}${s}${q}\n`),
  envComment: (s, name) => pod(`        - name: ${name}\n          value: ${s} # rotate me\n`),
  envFlow: (s, name, q) => pod(`        - { name: ${name}, value: ${q}${s}${q} }\n`),
  configMapKey: (s, name, q) => configMap(`data:\n  ${name}: ${q}${s}${q}\n`),
  configMapFlow: (s, name) => configMap(`data: { ${name}: ${s}, mode: fast }\n`),
  properties: (s) => configMap(`data:\n  app.properties: |\n    db.user=app\n    db.password=${s}\n`),
  ini: (s) => configMap(`data:\n  grafana.ini: |\n    [security]\n    admin_password = ${s}\n`),
  comment: (s, name) => `# ${name}: ${s}\n${pod('        - name: MODE\n          value: fast\n')}`,
  tokenComment: (s) => pod('        - name: MODE\n          value: fast # ghp_' + `${s}${'a'.repeat(36)}`.slice(0, 36) + '\n'),
  secretData: (s) => secretObject(`data:\n  password: ${b64(s)}\n  other: ${b64(`${s}x`)}\n`),
  stringData: (s, name) => secretObject(`stringData:\n  ${name}: ${s}\n`),
  urlPassword: (s) => pod('        - name: MODE\n          value: fast\n', `  annotations:\n    example.com/db: postgres://app:${s}@db.example.com:5432/app\n`),
  embeddedJson: (s, name) => pod('        - name: MODE\n          value: fast\n', `  annotations:\n    example.com/config: '{"${name}": "${s}"}'\n`),
  dockerConfig: (s) =>
    secretObject(
      `data:\n  .dockerconfigjson: ${b64(JSON.stringify({ auths: { [`https://robot:${s}@registry.example.com`]: { auth: b64(`robot:${s}`) } } }))}\n`,
      'type: kubernetes.io/dockerconfigjson\n',
    ),
  brokenAfterEnd: (s, name) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n... ${name}: ${s}\n`,
  brokenNested: (s, name) => configMap(`data:\n  ${name}: ${s}: x\n`),
};

/** The value, its base64, and every 8 characters of it: none may appear. */
function needles(secret: string): string[] {
  const out = new Set([secret, b64(secret)]);
  for (let index = 0; index + 8 <= secret.length; index++) out.add(secret.slice(index, index + 8));
  return [...out];
}

function assertClean(output: string, secrets: readonly string[], label: string): void {
  for (const secret of secrets) {
    for (const needle of needles(secret)) {
      assert.ok(!output.includes(needle), `${label} leaks ${JSON.stringify(needle)} of ${JSON.stringify(secret)}:\n${output}`);
    }
  }
}

/** Every format, with suppressed findings shown and kept, plus the baseline file and the notes. */
async function allOutputs(text: string, presets: Preset[]): Promise<Record<string, string>> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, stdinFilename: 'random.yaml', presets, keepSources: true });
  const outputs: Record<string, string> = { baseline: JSON.stringify(baselineOf(result.findings)), notes: result.notes.join('\n') };
  for (const format of FORMATS) {
    const formatter = await loadFormatter(format);
    outputs[format] = formatter(result, {
      cwd: process.cwd(),
      version: '0.0.0',
      rules: rules.map((rule) => rule.meta),
      sources: result.sources,
      showSuppressed: true,
      sarifIncludeSuppressed: true,
    });
  }
  return outputs;
}

const placementArb = fc.record({
  place: fc.constantFrom(...Object.keys(PLACES)),
  secret: secretArb,
  name: fc.constantFrom(...CREDENTIAL_NAMES),
  quote: fc.constantFrom('', '"', "'"),
  suppressed: fc.boolean(),
});

describe('redaction holds for credentials in random places and formats', () => {
  test('no output of any format contains any part of a credential', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(placementArb, { minLength: 1, maxLength: 3 }), fc.constantFrom<Preset[]>(['all'], ['pss-baseline'], ['recommended']), async (placements, presets) => {
        const documents = placements.map(({ place, secret, name, quote, suppressed }) => {
          const document = PLACES[place]!(secret, name, quote);
          return suppressed ? `# kmlint-disable-file -- kept for the audit\n${document}` : document;
        });
        const outputs = await allOutputs(documents.join('---\n'), presets);
        const secrets = placements.map((placement) => placement.secret);
        for (const [format, output] of Object.entries(outputs)) assertClean(output, secrets, format);
      }),
      { numRuns: 150 },
    );
  });

  test('the check is not empty: the raw file and an unredacted frame would fail it', () => {
    const secret = 'Q7abcdefghijklmnz';
    assert.throws(() => assertClean(PLACES.properties!(secret, 'x', ''), [secret], 'raw'));
    assert.throws(() => assertClean(`value: ${b64(secret)}`, [secret], 'base64'));
    assert.throws(() => assertClean(`"Unexpected scalar: \\"${secret.slice(3, 11)}\\""`, [secret], 'part'));
  });

  test('with the secret rules off, the lines printed under other findings are masked', async () => {
    const secret = 'Q7offRulesSecret9z';
    const text = pod(`        - name: DB_PASSWORD\n          value: ${secret} # token\n`);
    const outputs = await allOutputs(text, ['pss-baseline']);
    assertClean(outputs.text!, [secret], 'text');
  });

  const cliBuilt = existsSync(CLI);
  test('the CLI with --show-suppressed, --sarif-include-suppressed and --write-baseline', { skip: cliBuilt ? false : 'dist/cli.js not built' }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-redact-'));
    try {
      const secrets = Object.keys(PLACES).map((_, index) => `Q7cli${index}Secret${'abcdefghij'[index % 10]}z`);
      const text = Object.values(PLACES)
        .map((place, index) => `# kmlint-disable-file secret-in-env-literal -- audit\n${place(secrets[index]!, CREDENTIAL_NAMES[index % CREDENTIAL_NAMES.length]!, '')}`)
        .join('---\n');
      writeFileSync(path.join(dir, 'all.yaml'), text);
      for (const format of FORMATS) {
        const run = runCli(['--preset', 'all', '--format', format, '--show-suppressed', '--sarif-include-suppressed', '--write-baseline', 'base.json', 'all.yaml'], { cwd: dir });
        assert.ok(run.status !== 2 || run.stderr === '', run.stderr);
        assertClean(run.stdout, secrets, `--format ${format}`);
        assertClean(run.stderr, secrets, `--format ${format} stderr`);
        assertClean(readFileSync(path.join(dir, 'base.json'), 'utf8'), secrets, 'baseline file');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
