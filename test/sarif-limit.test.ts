/**
 * GitHub rejects a SARIF run above 25,000 results: kmlint writes at most 20,000 and says how many it left
 * out, counting suppressed findings only when they are included, from a spool as from findings in memory.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFormatter, type FormatContext } from '../src/formatters/index.js';
import { lint } from '../src/run/lint.js';
import { FindingSpool } from '../src/run/spool.js';
import { rules } from '../src/rules/index.js';
import type { Finding } from '../src/types.js';
import { assertValidSarif } from './support/sarif-schema.js';

interface SarifLog {
  runs: { results: unknown[]; invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[] }[];
}

test('past 20,000 results the SARIF report is cut, says how many were left out, and still validates', async () => {
  const run = await lint({ paths: ['test/manifests/suppressions'], cwd: process.cwd(), context: [], presets: ['all'] });
  const active = run.findings.find((finding) => !finding.suppression)!;
  const suppressed = run.findings.find((finding) => finding.suppression)!;
  assert.ok(active && suppressed, 'the fixture has active and suppressed findings');
  // 2,001 files of ten findings each: 20,010 active findings, and 4 suppressed ones in the last file.
  const files = Array.from({ length: 2001 }, (_, i) => `team-${i}/pod.yaml`);
  const byFile = files.map((file, i): Finding[] => [
    ...Array.from({ length: 10 }, (_, line) => ({ ...active, file, region: { ...active.region, startLine: line + 1, endLine: line + 1 } })),
    ...(i === files.length - 1 ? Array.from({ length: 4 }, (_, line) => ({ ...suppressed, file, region: { ...suppressed.region, startLine: 20 + line, endLine: 20 + line } })) : []),
  ]);
  const findings = byFile.flat();
  const spool = new FindingSpool(0);
  try {
    files.forEach((file, i) => spool.add(file, byFile[i]!));
    const sarif = await loadFormatter('sarif');
    for (const [include, leftOut] of [[false, 10], [true, 14]] as const) {
      const context: FormatContext = { cwd: process.cwd(), version: '0.0.0-test', rules: rules.map((rule) => rule.meta), sources: new Map(), sarifIncludeSuppressed: include };
      const input = { ...run, files: files.map((file) => ({ file, objects: 1, documents: 1 })), findings };
      const text = sarif(input, context);
      const log = JSON.parse(text) as SarifLog;
      assertValidSarif(log);
      assert.equal(log.runs[0]!.results.length, 20_000);
      const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications?.map((note) => note.message.text) ?? [];
      assert.ok(notes.includes(`${leftOut} results left out: GitHub accepts at most 25,000 per run.`), notes.join('\n'));
      assert.equal(sarif({ ...input, findings: spool }, context), text, 'the same report from the spool');
    }
  } finally {
    spool.close();
  }
});
