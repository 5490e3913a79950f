/**
 * Nothing from a manifest or a file name can write a workflow command, drive the terminal or break
 * a report: line-based outputs show control characters visibly, JSON and SARIF stay valid.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { visible, visibleLine } from '../src/redact/visible.js';
import { CLI, runCli } from './support/cli.js';


const FIXTURE = 'test/manifests/injection/escape-sequences.yaml';
/** A line that GitHub's runner would read as a command. */
const COMMAND_LINE = /^\s*(?:::|##\[)/m;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('visible()', () => {
  test('line breaks, escape sequences and direction overrides are shown, not obeyed', () => {
    assert.equal(visible('a\nb\r\u001b[31m\u0007\u202e'), 'a\\nb\\r\\e[31m\\x07\\u202e');
    assert.equal(visible('tab\tstays'), 'tab\tstays');
    assert.equal(visibleLine('::error::x'), '\\::error::x');
    assert.equal(visibleLine('  ##[error]x'), '  \\##[error]x');
  });
});

const cliBuilt = existsSync(CLI);
describe('the CLI', { skip: cliBuilt ? false : 'dist/cli.js not built' }, () => {
  for (const format of ['text', 'github'] as const) {
    test(`--format ${format}: a container name with a line break and escape sequences stays on its line`, () => {
      const run = runCli(['--format', format, FIXTURE]);
      assert.equal(run.status, 1, run.stderr);
      assert.ok(!CONTROL.test(run.stdout), 'a control character reached the output');
      const forged = run.stdout.split('\n').filter((line) => /forged/.test(line));
      assert.ok(forged.length > 0, 'the finding naming the container is printed');
      for (const line of forged) {
        // The only command lines are kmlint's own annotations (github format).
        if (format === 'github') assert.match(line, /^::(?:error|warning|notice) file=test\/manifests\/injection\/escape-sequences\.yaml,/);
        else assert.doesNotMatch(line, COMMAND_LINE);
        assert.match(line, /app\\n::error file=x\.yaml::forged\\r\\n##\[error\]forged too\\u202e/);
      }
    });
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-names-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const names = ['with space.yaml', 'hash#1.yaml', 'per%41cent.yaml', 'ünï-çødé ✓.yaml', 'line\n::error::forged.yaml', '::warning::start.yaml'];
  for (const name of names) copyFileSync(FIXTURE, path.join(dir, name));
  writeFileSync(path.join(dir, 'bin\n::error::note.yaml'), Buffer.from([0, 1, 2, 3]));

  test('file names: text and github never start a command; stderr notes are escaped', () => {
    for (const format of ['text', 'github'] as const) {
      const run = runCli(['--format', format, '.'], { cwd: dir });
      const lines = run.stdout.split('\n');
      const own = format === 'github' ? /^::(?:error|warning|notice) file=/ : /^$/;
      for (const line of lines) if (COMMAND_LINE.test(line)) assert.match(line, own, `${format}: ${line}`);
      assert.doesNotMatch(run.stderr, COMMAND_LINE);
      assert.match(run.stderr, /bin\\n::error::note\.yaml/);
    }
  });

  test('file names: JSON and SARIF stay valid and name every file exactly', () => {
    const json = JSON.parse(runCli(['--format', 'json', '.'], { cwd: dir }).stdout) as { findings: { file: string }[] };
    const files = new Set(json.findings.map((finding) => finding.file));
    for (const name of names) assert.ok(files.has(name), `${JSON.stringify(name)} missing from JSON`);
    const sarif = JSON.parse(runCli(['--format', 'sarif', '.'], { cwd: dir }).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uris = new Set(sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    for (const name of names) assert.ok(uris.has(encodeURIComponent(name)), `${JSON.stringify(name)} missing from SARIF`);
    for (const uri of uris) assert.doesNotThrow(() => new URL(uri, 'file:///repo/'), uri);
  });
});
