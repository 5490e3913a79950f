/** `--shard i/n` and `kmlint merge`: merged shards report exactly what one unsharded run reports. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CLI, cliEnv, runCli } from './support/cli.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

const FIXTURES = path.join(REPO_ROOT, 'test/manifests/cache');

function copyOf(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-shard-'));
  cpSync(source, path.join(dir, 'in'), { recursive: true });
  return dir;
}

async function kmlint(cwd: string, args: readonly string[]): Promise<{ status: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, env: cliEnv(), maxBuffer: 1 << 26 });
    return { status: 0, stderr };
  } catch (error) {
    return { status: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
  }
}

const FORMATS = (name: string): string[] => ['-f', `json=${name}.json`, '-f', `sarif=${name}.sarif`, '-f', `text=${name}.txt`];

/** Runs the input unsharded and in n shards, merges them, and returns both sets of reports. */
async function shardedAndNot(dir: string, count: number, flags: readonly string[] = [], mergeFlags: readonly string[] = []) {
  const shards = Array.from({ length: count }, (_, i) => `shard-${i + 1}.json`);
  const runs = await Promise.all([
    kmlint(dir, [...flags, ...mergeFlags, ...FORMATS('single'), 'in']),
    ...shards.map((file, i) => kmlint(dir, [...flags, '--shard', `${i + 1}/${count}`, '--output', file, 'in'])),
  ]);
  for (const shard of runs.slice(1)) assert.equal(shard.status, 0, shard.stderr);
  const merged = await kmlint(dir, ['merge', ...flags, ...mergeFlags, ...FORMATS('merged'), ...shards]);
  const read = (name: string, ext: string): string => readFileSync(path.join(dir, `${name}.${ext}`), 'utf8');
  const reports = (name: string, run: { status: number; stderr: string }) => ({ status: run.status, stderr: run.stderr, json: read(name, 'json'), sarif: read(name, 'sarif'), text: read(name, 'txt') });
  return { single: reports('single', runs[0]!), merged: reports('merged', merged), shards: shards.map((file) => JSON.parse(read(file.replace(/\.json$/, ''), 'json'))) };
}

describe('merged shards', () => {
  test('equal one unsharded run on the real corpus: JSON, SARIF and text byte for byte, stderr and exit code', async () => {
    const dir = copyOf(sharedPath('corpus', 'real'));
    const { single, merged, shards } = await shardedAndNot(dir, 2);
    assert.ok(single.json.length > 100_000, 'the corpus has findings');
    assert.deepEqual(merged, single);
    assertValidSarif(JSON.parse(merged.sarif));
    // Every file is reported by exactly one shard, and each shard has some.
    const owned = shards.flatMap((shard: { files: { file: string }[] }) => shard.files.map((file) => file.file));
    assert.equal(new Set(owned).size, owned.length);
    assert.equal(owned.length, (JSON.parse(single.json) as { files: unknown[] }).files.length);
    for (const shard of shards) assert.ok(shard.files.length > 0);
  });

  test('an exemption is unused only when no shard used it; the baseline applies at the merge', async () => {
    const dir = copyOf(FIXTURES);
    writeFileSync(
      path.join(dir, '.kmlint.yaml'),
      ['exemptions:', '  - name: tools', '    rules: [host-network]', '    reason: Debugs the node network.', '  - name: nobody', '    reason: Matches nothing.', ''].join('\n'),
    );
    runCli(['--preset', 'all', '--write-baseline', 'baseline.json', 'in/deployment.yaml'], { cwd: dir });
    const { single, merged, shards } = await shardedAndNot(dir, 3, ['--preset', 'all'], ['--baseline', 'baseline.json']);
    assert.deepEqual(merged, single);
    // The first exemption was used in one shard and not in another: only the merge can tell it was used.
    const usage = shards.map((shard: { shard: { exemptions: number[] } }) => shard.shard.exemptions[0]);
    assert.ok(usage.includes(1) && usage.includes(0), `usage per shard: ${usage.join(', ')}`);
    const findings = (JSON.parse(merged.json) as { findings: { ruleId: string; message: string; suppression?: { source: string } }[] }).findings;
    assert.deepEqual(findings.filter((finding) => finding.ruleId === 'unused-suppression').map((finding) => finding.message.slice(0, 12)), ['exemption #2']);
    assert.ok(findings.some((finding) => finding.suppression?.source === 'baseline'), 'the baseline hid the known findings');
  });
});

describe('shard assignment and usage errors', () => {
  test("a file's shard depends on its path only, not on the other files", () => {
    const dir = copyOf(FIXTURES);
    const owned = (): string[] => (JSON.parse(runCli(['--shard', '1/2', 'in'], { cwd: dir }).stdout) as { files: { file: string }[] }).files.map((file) => file.file);
    const before = owned();
    writeFileSync(path.join(dir, 'in/zz-extra.yaml'), readFileSync(path.join(FIXTURES, 'pod.yaml'), 'utf8').replace('name: tools', 'name: extra'));
    assert.deepEqual(owned().filter((file) => file !== 'in/zz-extra.yaml'), before);
  });

  test('bad shard flags and incomplete merges exit 2 with one clear line', () => {
    const dir = copyOf(FIXTURES);
    for (const [args, message] of [
      [['--shard', '3/2', 'in'], /--shard must be i\/n with 1 <= i <= n/],
      [['--shard', '1/2', '-f', 'sarif', 'in'], /give the formats to kmlint merge/],
      [['--shard', '1/2', '--baseline', 'b.json', 'in'], /give --baseline or --write-baseline to kmlint merge/],
      [['merge'], /needs the shard reports/],
    ] as const) {
      const run = runCli(args, { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
    }
    runCli(['--shard', '1/2', '-o', 'one.json', 'in'], { cwd: dir });
    writeFileSync(path.join(dir, 'plain.json'), runCli(['-f', 'json', 'in'], { cwd: dir }).stdout);
    for (const [files, message] of [
      [['one.json'], /shard 2 of 2 missing/],
      [['one.json', 'one.json'], /are both shard 1\/2/],
      [['one.json', 'plain.json'], /plain\.json is not a shard report/],
      [['one.json', 'absent.json'], /cannot read the shard report absent\.json: ENOENT/],
    ] as const) {
      const run = runCli(['merge', ...files], { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.ok(!run.stderr.includes('    at '), 'no stack trace');
    }
  });
});
