/** `kmlint init` writes a config the YAML language server can check: the schema line, and the schema in the package. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

test('kmlint init starts the file with a yaml-language-server schema line for a schema the package ships', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-init-'));
  assert.equal(runCli(['init'], { cwd: dir }).status, 0);
  const text = readFileSync(path.join(dir, '.kmlint.yaml'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const line = text.split('\n')[0]!;
  const url = /^# yaml-language-server: \$schema=(\S+)$/.exec(line)?.[1];
  assert.ok(url, line);
  // The release's own copy of the file that ships in the package.
  assert.equal(url, `${pkg.homepage.replace(/#readme$/, '')}/raw/v${pkg.version}/schemas/kmlint-config.schema.json`);
  assert.ok(pkg.files.includes('schemas'));
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'kmlint-config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
});
