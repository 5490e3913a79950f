/** The CI formats (gitlab, junit, rdjson, checkstyle) against their consumers' schemas, and several formats in one run. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from './support/cli.js';
import { assertValid, parseXml, RDJSON_SEVERITIES } from './support/format-schemas.js';
import { assertValidSarif } from './support/sarif-schema.js';
import { REPO_ROOT } from './support/shared.js';

const M = 'test/manifests';
const POD = `${M}/privileged-container/invalid/pod.yaml`;
/** A container named `x]]>y<&z` plus U+0001 and ESC, and an `é` before `privileged: true` on its line. */
const ODD = `${M}/formats/odd-names.yaml`;

function report(format: string, files: string[], cwd = REPO_ROOT): string {
  const run = runCli(['--format', format, ...files], { cwd });
  assert.equal(run.status, 1, run.stderr);
  return run.stdout;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('gitlab (Code Quality)', () => {
  test('one issue per finding, valid against the documented fields, severities by level', () => {
    const issues = JSON.parse(report('gitlab', [POD])) as any[];
    assertValid('gitlab', issues);
    const privileged = issues.find((issue) => issue.check_name === 'privileged-container' && issue.location.lines.begin === 10);
    assert.deepEqual(privileged.location, { path: POD, lines: { begin: 10, end: 10 } });
    assert.equal(privileged.description, 'Container "setup" runs privileged.');
    assert.ok(['major', 'critical'].includes(privileged.severity));
    assert.equal(issues.find((issue) => issue.check_name === 'missing-cpu-request').severity, 'minor');
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  test('fingerprints stay when lines move', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-gitlab-'));
    const original = readFileSync(path.join(REPO_ROOT, POD), 'utf8');
    writeFileSync(path.join(dir, 'pod.yaml'), original);
    const before = JSON.parse(report('gitlab', ['pod.yaml'], dir)) as any[];
    writeFileSync(path.join(dir, 'pod.yaml'), `# two lines\n# added\n${original}`);
    const after = JSON.parse(report('gitlab', ['pod.yaml'], dir)) as any[];
    assert.deepEqual(after.map((issue) => issue.fingerprint).sort(), before.map((issue) => issue.fingerprint).sort());
    assert.deepEqual(after.map((issue) => issue.location.lines.begin), before.map((issue) => issue.location.lines.begin + 2));
  });

  test('a clean run is an empty array', () => {
    const run = runCli(['--format', 'gitlab', `${M}/cli/clean.yaml`]);
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});

describe('rdjson (reviewdog)', () => {
  test('valid against reviewdog\'s schema, with ranges, severities and rule codes', () => {
    const result = JSON.parse(report('rdjson', [POD]));
    assertValid('rdjson', result);
    assert.equal(result.source.name, 'kmlint');
    const diagnostic = result.diagnostics.find((each: any) => each.code.value === 'privileged-container' && each.location.range.start.line === 10);
    assert.deepEqual(diagnostic.location, { path: POD, range: { start: { line: 10, column: 9 }, end: { line: 10, column: 25 } } });
    assert.equal(diagnostic.severity, 'ERROR');
    assert.match(diagnostic.code.url, /docs\/rules\/privileged-container\.md$/);
    for (const each of result.diagnostics) assert.ok(RDJSON_SEVERITIES.includes(each.severity));
  });

  test('columns count UTF-8 bytes, as reviewdog reads them', () => {
    const result = JSON.parse(report('rdjson', [ODD]));
    const diagnostic = result.diagnostics.find((each: any) => each.code.value === 'privileged-container');
    // `privileged` is UTF-16 column 57 on a line with one `é` (two bytes) before it.
    const line = readFileSync(path.join(REPO_ROOT, ODD), 'utf8').split('\n')[9]!;
    assert.equal(line.indexOf('privileged') + 1, 57);
    assert.deepEqual(diagnostic.location.range.start, { line: 10, column: 58 });
  });
});

describe('junit', () => {
  test('one testsuite per file, one testcase per object and rule, well-formed and valid', () => {
    const tree = parseXml(report('junit', [POD, `${M}/cli/clean.yaml`]));
    assertValid('junit', tree);
    const suites = asList(tree.testsuites.testsuite);
    // Files are reported in path order, whatever order they were named in.
    assert.deepEqual(suites.map((suite) => suite['@_name']), [`${M}/cli/clean.yaml`, POD]);
    const cases = asList(suites[1].testcase);
    const privileged = cases.find((each) => each['@_name'] === 'Pod/node-debugger: privileged-container');
    assert.equal(privileged.failure['@_type'], 'error');
    // Both privileged containers are in the one failure, with their positions.
    assert.match(privileged.failure['#text'], /:10:9: error: Container "setup" runs privileged/);
    assert.match(privileged.failure['#text'], /:18:\d+: error: Container "debug" runs privileged/);
    assert.equal(new Set(cases.map((each) => each['@_name'])).size, cases.length);
    assert.equal(suites[1]['@_failures'], String(cases.length));
    // A clean file passes: one testcase, no failure.
    assert.equal(suites[0]['@_failures'], '0');
    assert.equal(asList(suites[0].testcase)[0].failure, undefined);
  });

  test('any message stays well-formed: ]]>, markup characters and control characters', () => {
    const text = report('junit', [ODD]);
    const tree = parseXml(text);
    assertValid('junit', tree);
    const cases = asList(asList(tree.testsuites.testsuite)[0].testcase);
    const failure = cases.find((each) => String(each['@_name']).endsWith(': missing-cpu-request')).failure;
    // Read back by an XML parser, the message is intact; the two control characters became U+FFFD.
    assert.equal(failure['@_message'], 'Container "x]]>y<&z\uFFFD\uFFFD" has no CPU request.');
    assert.ok(!/[\u0001\u001b]/.test(text), 'control characters are replaced');
  });
});

describe('checkstyle', () => {
  test('one file element per file, one error per finding with line, column, severity and source', () => {
    const tree = parseXml(report('checkstyle', [POD]));
    assertValid('checkstyle', tree);
    const file = asList(tree.checkstyle.file)[0];
    assert.equal(file['@_name'], POD);
    const errors = asList(file.error);
    const privileged = errors.find((each) => each['@_source'] === 'kmlint.privileged-container' && each['@_line'] === '10');
    assert.equal(privileged['@_column'], '9');
    assert.equal(privileged['@_severity'], 'error');
    assert.equal(errors.find((each) => each['@_source'] === 'kmlint.missing-cpu-request')['@_severity'], 'warning');
  });

  test('any message stays well-formed', () => {
    const text = report('checkstyle', [ODD]);
    assertValid('checkstyle', parseXml(text));
    assert.ok(!/[\u0001\u001b]/.test(text));
  });
});

describe('several formats in one run', () => {
  test('--format sarif=FILE --format text: SARIF in the file, text on stdout, one lint', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-formats-'));
    const sarifFile = path.join(dir, 'kmlint.sarif');
    const junitFile = path.join(dir, 'junit.xml');
    const run = runCli(['--format', `sarif=${sarifFile}`, '--format', `junit=${junitFile}`, '--format', 'text', POD]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^test\/manifests\/privileged-container\/invalid\/pod\.yaml\n/);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    assertValidSarif(log);
    assert.ok(log.runs[0].results.some((result: any) => result.ruleId === 'privileged-container'));
    assertValid('junit', parseXml(readFileSync(junitFile, 'utf8')));
  });

  test('a machine format on stdout is alone there; -o names the file of the one without "="', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-formats-'));
    const run = runCli(['--format', 'json', '--format', `gitlab=${path.join(dir, 'cq.json')}`, '-o', path.join(dir, 'out.json'), POD]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).kmlintOutputVersion, 1);
    assertValid('gitlab', JSON.parse(readFileSync(path.join(dir, 'cq.json'), 'utf8')));
  });

  test('two formats without a file, or an unknown one, are usage errors', () => {
    const both = runCli(['--format', 'json', '--format', 'text', POD]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /only one format can write to standard output; give the others a file: --format text=FILE/);
    const typo = runCli(['--format', 'junt', POD]);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /did you mean "junit"\?/);
  });

  test('two reports into one file are a usage error, whichever way the file is named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-formats-'));
    const run = runCli(['--format', `json=${path.join(dir, 'out')}`, '--format', 'sarif', '-o', path.join(dir, '.', 'out'), POD]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^kmlint: --format json and --format sarif both write to .*out; give each report its own file\.$/m);
    assert.equal(run.stdout, '');
  });
});
