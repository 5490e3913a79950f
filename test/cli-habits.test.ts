/** ESLint habits on the command line: --quiet, --rule, --no-config, option typos, a closed pipe. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { OPTIONS } from '../src/cli/args.js';
import { CLI, runCli } from './support/cli.js';

const POD = 'test/manifests/privileged-container/invalid/pod.yaml';
const OVERRIDES = path.resolve(import.meta.dirname, 'manifests', 'config', 'overrides');

const rulesOf = (stdout: string): string[] => [...new Set((JSON.parse(stdout).findings as { ruleId: string }[]).map((finding) => finding.ruleId))].sort();

describe('command-line habits', () => {
  test('--quiet reports errors only, and warnings no longer count', () => {
    const loud = JSON.parse(runCli(['--format', 'json', POD]).stdout);
    assert.ok(loud.summary.warnings > 0);
    const quiet = runCli(['--quiet', '--format', 'json', '--max-warnings', '0', POD]);
    assert.equal(quiet.status, 1);
    const report = JSON.parse(quiet.stdout);
    assert.equal(report.summary.warnings, 0);
    assert.ok(report.findings.every((finding: { level: string }) => finding.level === 'error'));
    assert.equal(report.summary.errors, loud.summary.errors);
  });

  test('--rule sets a level or options; a typo gets a did-you-mean and exit 2', () => {
    const off = runCli(['--format', 'json', '--rule', 'privileged-container: off', '--rule', '{privilege-escalation-allowed: warning}', POD]);
    assert.ok(!rulesOf(off.stdout).includes('privileged-container'));
    assert.ok(JSON.parse(off.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'privilege-escalation-allowed').every((f: { level: string }) => f.level === 'warning'));
    const on = runCli(['--format', 'json', '--rule', 'missing-cpu-limit: [error, {}]', POD]);
    assert.ok(rulesOf(on.stdout).includes('missing-cpu-limit'), 'a rule outside the preset is turned on');
    const typo = runCli(['--rule', 'privileged-containr: off', POD]);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /--rule "privileged-containr: off": unknown rule "privileged-containr" \(did you mean "privileged-container"\?\)/);
    const badOptions = runCli(['--rule', 'host-path-volume: {allowedPaths: 3}', POD]);
    assert.equal(badOptions.status, 2);
    assert.match(badOptions.stderr, /--rule "host-path-volume: \{allowedPaths: 3\}": .*allowedPaths must be a list/);
    const notMapping = runCli(['--rule', 'privileged-container', POD]);
    assert.equal(notMapping.status, 2);
    assert.match(notMapping.stderr, /must be "rule-id: level"/);
  });

  test('--rule wins over the config file; --no-config ignores it', () => {
    const configured = runCli(['--format', 'json', 'legacy/app.yaml'], { cwd: OVERRIDES });
    assert.ok(!rulesOf(configured.stdout).includes('missing-read-only-root-fs'), 'the config turns it off');
    const flagged = runCli(['--format', 'json', '--rule', 'missing-read-only-root-fs: error', 'legacy/app.yaml'], { cwd: OVERRIDES });
    assert.ok(rulesOf(flagged.stdout).includes('missing-read-only-root-fs'));
    const bare = runCli(['--format', 'json', '--no-config', 'legacy/app.yaml'], { cwd: OVERRIDES });
    const privileged = JSON.parse(bare.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'privileged-container');
    assert.equal(privileged.level, 'error', 'the override to warning is not read');
    const both = runCli(['--no-config', '--config', '.kmlint.yaml', 'app.yaml'], { cwd: OVERRIDES });
    assert.equal(both.status, 2);
  });

  test('FORCE_COLOR colours piped output; NO_COLOR and --no-color win', () => {
    assert.match(runCli([POD], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.ok(!runCli([POD], { env: { FORCE_COLOR: '0' } }).stdout.includes('\u001b['));
    assert.ok(!runCli([POD], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\u001b['));
    assert.ok(!runCli(['--no-color', POD], { env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b['));
  });

  test('--help names every option', () => {
    const help = runCli(['--help']).stdout;
    for (const name of Object.keys(OPTIONS)) assert.ok(help.includes(`--${name}`), `--${name} is missing from --help`);
  });

  test('an option typo gets a did-you-mean', () => {
    const run = runCli(['--presets', 'all', POD]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^kmlint: Unknown option '--presets' \(did you mean "--preset"\?\)\./);
    assert.match(runCli(['--qiet', POD]).stderr, /did you mean "--quiet"/);
  });

  test('a closed output pipe ends the run quietly, with no stack trace', () => {
    // `kmlint … | head -1`: the reader exits after one line while kmlint still writes.
    const files = Array.from({ length: 400 }, () => POD);
    const run = spawnSync('bash', ['-c', `node "${CLI}" --no-code-frame ${files.join(' ')} | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    assert.equal(run.stdout.split('\n').filter(Boolean).length, 1);
    assert.ok(!/EPIPE|Error|at /.test(run.stderr), run.stderr);
    assert.match(run.stderr, /status [01]\n/);
  });
});
