/** The text report at scale, `kmlint rules <id>`, and the problem matcher read against the real text output. */
import assert from 'node:assert/strict';
import { visible } from '../src/redact/visible.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from './support/cli.js';
import { REPO_ROOT } from './support/shared.js';

const POD = 'test/manifests/privileged-container/invalid/pod.yaml';

describe('text report at scale', () => {
  test('findings that start on the same line share one code frame, under the last of them', () => {
    const lines = runCli([POD]).stdout.split('\n');
    const atTwelve = JSON.parse(runCli(['--format', 'json', POD]).stdout).findings.filter(
      (finding: { region: { startLine: number; startColumn: number } }) => finding.region.startLine === 12 && finding.region.startColumn === 7,
    ).length;
    assert.ok(atTwelve >= 2, 'several findings start at 12:7');
    const onLine12 = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^\s+12:7\s/.test(line));
    assert.equal(onLine12.length, atTwelve);
    assert.deepEqual(onLine12.map(({ index }) => index), onLine12.map((_, i) => onLine12[0]!.index + i), 'listed together');
    assert.equal(lines.filter((line) => /^\s+12 \| /.test(line)).length, 1, 'one frame for line 12');
    assert.match(lines[onLine12.at(-1)!.index + 1]!, /^\s+12 \| {5}- name: app$/);
    // Two findings on line 18 at different columns: the underline runs from the first start to the last end.
    const frame18 = lines.findIndex((line) => /^\s+18 \| /.test(line));
    assert.equal(lines[frame18 + 1], `${' '.repeat(6)} | ${' '.repeat(6)}${'^'.repeat('securityContext: { privileged: yes'.length)}`);
  });

  test('a run with many findings ends with a count per rule, most frequent first; a short one does not', () => {
    // --quiet leaves the errors only: fewer than the 20 a count per rule needs.
    assert.ok(JSON.parse(runCli(['--quiet', '--format', 'json', POD]).stdout).findings.length <= 20);
    const short = runCli(['--quiet', POD]).stdout;
    assert.ok(!short.includes('Problems per rule'), short);
    const files = Array.from({ length: 3 }, () => POD);
    const long = runCli(['--no-code-frame', ...files, 'test/manifests/host-network/invalid']).stdout;
    const start = long.indexOf('Problems per rule:\n');
    assert.ok(start > 0, long);
    const rows = long.slice(start).split('\n').slice(1).filter((line) => /^\s+\d+\s{2}\S+$/.test(line));
    const counts = rows.map((row) => Number(row.trim().split(/\s+/)[0]));
    assert.deepEqual([...counts].sort((a, b) => b - a), counts);
    const json = JSON.parse(runCli(['--format', 'json', ...files, 'test/manifests/host-network/invalid']).stdout);
    const expected = json.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'privileged-container').length;
    assert.ok(rows.some((row) => row.trim() === `${expected}  privileged-container`), rows.join('\n'));
    assert.equal(counts.reduce((sum, count) => sum + count, 0), json.findings.length);
  });
});

describe('kmlint rules', () => {
  test('the list shows which presets hold each rule', () => {
    const run = runCli(['rules']);
    assert.match(run.stdout, /^privileged-container\s+error\s+security\s+all,recommended,pss-baseline,pss-restricted,cis\s+Containers must not run privileged/m);
    assert.match(run.stdout, /^missing-cpu-limit\s+note\s+efficiency\s+all\s+/m);
  });

  test('kmlint rules <id> prints the rule in full', () => {
    const run = runCli(['rules', 'host-path-volume']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^host-path-volume\n\nPod specs must not mount directories of the node/);
    assert.match(run.stdout, /How to fix: Replace the hostPath volume/);
    assert.match(run.stdout, /level +error \(security severity \d+\.\d\)/);
    assert.match(run.stdout, /presets +all, recommended, pss-baseline, pss-restricted/);
    assert.match(run.stdout, /PSS +baseline: HostPath Volumes/);
    assert.match(run.stdout, /CIS +5\.2\.12/);
    assert.match(run.stdout, /allowedPaths \(array, default \[\]\): Node paths that may be mounted/);
    assert.match(run.stdout, /docs +https:\/\/.+\/docs\/rules\/host-path-volume\.md/);
    const json = JSON.parse(runCli(['rules', 'host-path-volume', '--format', 'json']).stdout);
    assert.deepEqual(json[0].pss, { profile: 'baseline', control: 'HostPath Volumes' });
  });

  test('an unknown id gets a did-you-mean and exit 2', () => {
    const run = runCli(['rules', 'privileged-contaner']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no rule "privileged-contaner" \(did you mean "privileged-container"\?\)/);
  });
});

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

/** GitHub's and VS Code's multi-line matching: the first pattern opens, the last one loops until a line fails it. */
function match(patterns: Pattern[], output: string): Record<string, string>[] {
  const [opener, looper] = patterns.map((pattern) => ({ ...pattern, re: new RegExp(pattern.regexp) }));
  const problems: Record<string, string>[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const problem = file !== undefined ? looper!.re.exec(line) : null;
    if (problem) {
      problems.push({ file: file!, line: problem[looper!.line!]!, column: problem[looper!.column!]!, severity: problem[looper!.severity!]!, message: problem[looper!.message!]!, code: problem[looper!.code!]! });
      continue;
    }
    const opened = opener!.re.exec(line);
    file = opened ? opened[opener!.file!] : undefined;
  }
  return problems;
}

describe('problem matcher', () => {
  const matcher = JSON.parse(readFileSync(path.join(REPO_ROOT, 'problem-matcher.json'), 'utf8'));
  const patterns = matcher.problemMatcher[0].pattern as Pattern[];

  test('reads every finding of the text report (--no-code-frame) with file, position, severity, message and rule', () => {
    const args = ['--preset', 'all', POD, 'test/manifests/host-network/invalid', 'test/manifests/formats/odd-names.yaml'];
    const text = runCli(['--no-code-frame', ...args]).stdout;
    const json = JSON.parse(runCli(['--format', 'json', ...args]).stdout);
    const expected = json.findings.map((finding: any) => ({
      file: finding.file,
      line: String(finding.region.startLine),
      column: String(finding.region.startColumn),
      severity: finding.level,
      // The text report shows control characters escaped, as every line-based output does.
      message: visible(finding.message),
      code: finding.ruleId,
    }));
    assert.ok(expected.length > 20);
    assert.deepEqual(match(patterns, text), expected);
  });

  test('the opening pattern takes no summary or per-rule line for a file', () => {
    const opener = new RegExp(patterns[0]!.regexp);
    assert.ok(!opener.test('✖ 3 problems (3 errors, 0 warnings, 0 notes) in 1 file, 1 object'));
    assert.ok(!opener.test('✔ 0 problems (0 errors, 0 warnings, 0 notes) in 1 file, 1 object'));
    assert.ok(!opener.test('  333  privileged-container'));
  });
});
