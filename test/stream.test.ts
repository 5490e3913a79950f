/**
 * Streamed reports: every format is produced in pieces, none of which holds the whole report, and the
 * pieces join to the string form byte for byte. The CLI writes the pieces as they come (a report of a
 * million findings would not fit in one JavaScript string).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FORMATS, loadChunkFormatter, loadFormatter, type FormatContext } from '../src/formatters/index.js';
import { jsonChunks, streamed } from '../src/formatters/json-stream.js';
import { lintSources, type Source } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';
import { assertValidSarif } from './support/sarif-schema.js';

const FIXTURE = 'test/manifests/privileged-container/invalid/pod.yaml';

/** The same file under many names: a report with many files and findings, from real YAML. */
async function bigRun(copies: number) {
  const text = readFileSync(FIXTURE, 'utf8');
  const sources: Source[] = Array.from({ length: copies }, (_, i) => ({ display: `team-${i}/${path.basename(FIXTURE)}`, read: async () => ({ text }) }));
  return lintSources(sources, { cwd: process.cwd(), presets: ['all'], context: [], keepSources: true });
}

test('every format comes in pieces that join to the string form, none of them the whole report', async () => {
  const run = await bigRun(60);
  assert.ok(run.findings.length > 200, `a report with many findings (${run.findings.length})`);
  const context: FormatContext = { cwd: process.cwd(), version: '0.0.0-test', rules: rules.map((rule) => rule.meta), sources: run.sources, sarifIncludeSuppressed: true };
  for (const format of FORMATS) {
    const sizes: number[] = [];
    const pieces: string[] = [];
    for (const chunk of (await loadChunkFormatter(format))(run, context)) {
      sizes.push(chunk.length);
      pieces.push(chunk);
    }
    const whole = (await loadFormatter(format))(run, context);
    assert.equal(pieces.join(''), whole, `${format}: the pieces are the report`);
    assert.ok(sizes.length > 40, `${format}: ${sizes.length} pieces`);
    assert.ok(Math.max(...sizes) < whole.length / 10, `${format}: the largest piece is ${Math.max(...sizes)} of ${whole.length} characters`);
    if (format === 'sarif') assertValidSarif(JSON.parse(whole));
  }
});

test('streamed JSON is exactly JSON.stringify with two-space indentation, empty lists and nesting included', () => {
  const value = { a: 1, list: [{ b: [1, 2], c: 'x\ny' }], nested: { empty: [], more: [{ d: null }] }, skipped: undefined, s: 'é"' };
  const withStreams = { ...value, list: streamed(value.list), nested: { empty: streamed([]), more: streamed(value.nested.more) }, deep: [streamed([{ e: 1 }])] };
  assert.equal([...jsonChunks(withStreams)].join(''), JSON.stringify({ ...value, deep: [[{ e: 1 }]] }, null, 2));
});

test('streamed lists of any length, at any depth, with items JSON writes as null, are JSON.stringify\'s', () => {
  const item = (i: number): unknown => (i % 7 === 0 ? undefined : i % 11 === 0 ? () => i : { i, text: `line\n${i} "q"`, list: [i, { deeper: [i] }], none: undefined });
  for (const length of [0, 1, 63, 64, 65, 130, 200]) {
    const items = Array.from({ length }, (_, i) => item(i));
    const value = { top: items, nested: { a: [{ b: items }] } };
    const withStreams = { top: streamed(items), nested: { a: [{ b: streamed(items) }] } };
    assert.equal([...jsonChunks(withStreams)].join(''), JSON.stringify(value, null, 2), `${length} items`);
    assert.equal([...jsonChunks(streamed(items))].join(''), JSON.stringify(items, null, 2), `${length} items at the top`);
  }
});

test('the CLI streams reports to a file and to standard output: both parse, the SARIF validates, same results', async () => {
  const { runCli } = await import('./support/cli.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-stream-'));
  try {
    const file = path.join(dir, 'report.json');
    const result = runCli(['--no-context', '--format', `sarif=${file}`, '--format', 'json', FIXTURE]);
    assert.equal(result.status, 1, result.stderr);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    const json = JSON.parse(result.stdout) as { findings: { ruleId: string }[] };
    assertValidSarif(sarif);
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId), json.findings.map((f) => f.ruleId));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
