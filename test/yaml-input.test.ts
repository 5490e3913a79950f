/** The YAML layer on hostile and real-world input: go-yaml's leniency, one error per document, budgets, depth, lines. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../src/engine/lint-file.js';
import { decode } from '../src/input/read.js';
import { rules } from '../src/rules/index.js';
import { MAX_NODES, overBudget } from '../src/yaml/budget.js';
import { parseYamlFile, plainYamlMessage } from '../src/yaml/parse.js';
import { toValue } from '../src/yaml/to-value.js';
import { REPO_ROOT } from './support/shared.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'manifests', 'yaml');
const enabled = rules.map((rule) => ({ rule, setting: { level: rule.meta.level, levelConfigured: false, options: rule.meta.defaultOptions ?? {} } }));
const lint = (text: string) => lintText('input.yaml', text, { rules: enabled });
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
/** A second on an idle machine; CI runs test files side by side, so allow three. Quadratic alias handling took 100 s here. */
const SECOND_UNDER_LOAD = 3000;

/** `# expect: rule-id` comments: the lines where those rules' findings must start, and nowhere else. */
function expectations(text: string): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/# expect: ([\w-]+)/g)) expected.set(match[1]!, [...(expected.get(match[1]!) ?? []), index + 1]);
  });
  return expected;
}

describe('fixtures keep their lines', () => {
  for (const name of ['controller-gen-crd.yaml', 'undefined-alias.yaml', 'lines-after-errors.yaml', 'invalid-binary.yaml']) {
    test(name, () => {
      const text = fixture(name);
      const { findings } = lint(text);
      for (const [ruleId, lines] of expectations(text)) {
        assert.deepEqual(findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.region.startLine), lines, ruleId);
      }
    });
  }

  test('the controller-gen CRD parses without error and keeps both objects', () => {
    const linted = lint(fixture('controller-gen-crd.yaml'));
    assert.equal(linted.objectCount, 2);
    assert.deepEqual(linted.findings.filter((finding) => finding.ruleId === 'yaml-syntax-error'), []);
  });
});

/** What kubectl's YAML reader makes of a file: the objects kustomize prints, or undefined when it rejects the file. */
function kubectlRead(text: string): unknown[] | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-oracle-'));
  try {
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - input.yaml\n');
    writeFileSync(path.join(dir, 'input.yaml'), text);
    const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 30_000 });
    return run.status === 0 ? parseAllDocuments(run.stdout).map((doc) => (Array.isArray(doc) ? undefined : doc.toJS())) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

describe('kubectl (go-yaml) as the oracle', { skip: hasKubectl ? false : 'kubectl is not installed: the oracle cannot run' }, () => {
  test('multi-line quoted scalars at the key indentation read as kubectl reads them', () => {
    const text = fixture('controller-gen-crd.yaml');
    const parsed = parseYamlFile(text);
    const ours = parsed.documents.map((document) => toValue(document.doc).value);
    assert.deepEqual(ours, kubectlRead(text));
  });

  test('an undefined alias is rejected by both', () => {
    assert.equal(kubectlRead(fixture('undefined-alias.yaml')), undefined);
    assert.equal(lint(fixture('undefined-alias.yaml')).findings.filter((finding) => finding.ruleId === 'yaml-syntax-error').length, 1);
  });

  test('a quoted scalar that never closes is rejected by both', () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: 'never\n  closed\n";
    assert.equal(kubectlRead(text), undefined);
    assert.equal(lint(text).findings.filter((finding) => finding.ruleId === 'yaml-syntax-error').length, 1);
  });
});

describe('syntax errors', () => {
  test('at most one yaml-syntax-error per document, counting the others', () => {
    const text = 'a: [\nb: }\nc: ]]]\n---\nd: {\ne: ]\n';
    const errors = lint(text).findings.filter((finding) => finding.ruleId === 'yaml-syntax-error');
    assert.equal(errors.length, 2);
    assert.match(errors[0]!.message, /\(\d+ more errors? in this document\)$/);
    assert.deepEqual(errors.map((error) => error.region.startLine), [2, 6]);
  });

  test('the message never quotes the token the parser choked on', () => {
    const raw = parseAllDocuments('[a, b]]ghp_abcdefghijklmnopqrstuvwxyz0123456789\n').flatMap((doc) => doc.errors.map((error) => error.message));
    assert.ok(raw.some((message) => message.includes('ghp_')), 'the parser quotes the token');
    for (const message of raw) assert.doesNotMatch(plainYamlMessage(message), /ghp_|"/);
  });

  test('a file with \\r\\r\\n line endings gives an answer, not a crash', () => {
    const linted = lint('apiVersion: v1\r\r\nkind: Pod\r\r\nmetadata:\r\r\n  name: a\r\r\n'.repeat(5000));
    assert.ok(linted.documentCount >= 1);
  });
});

describe('aliases and depth', () => {
  test('16,000 aliases of one scalar are linted in about a second at most', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: &a x\n  b: "${'y'}"\nitems: [${Array(16_000).fill('*a').join(', ')}]\n`;
    const started = performance.now();
    assert.equal(lint(text).objectCount, 1);
    assert.ok(performance.now() - started < SECOND_UNDER_LOAD, 'linear in the number of aliases');
  });

  test('a file with more nodes than the budget is refused before parsing; a long file of few nodes is not', () => {
    const flood = `[${'0,'.repeat(MAX_NODES + 1)}0]\n`;
    assert.equal(overBudget(flood), 'more than 1,000,000 YAML nodes');
    assert.equal(overBudget(`a${','.repeat(MAX_NODES)}`), undefined, 'exactly the limit passes');
    assert.equal(overBudget(`a${','.repeat(MAX_NODES + 1)}`), 'more than 1,000,000 YAML nodes', 'one more does not');
    const longValues = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${'a'.repeat(2 * MAX_NODES)}\n`;
    assert.equal(overBudget(longValues), undefined, 'length alone is no reason');
  });

  test('nested aliases over budget skip their document with one finding, within a second', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n';
    const started = performance.now();
    const linted = lint(text);
    assert.ok(performance.now() - started < SECOND_UNDER_LOAD);
    const tooComplex = linted.findings.filter((finding) => finding.ruleId === 'document-too-complex');
    assert.equal(tooComplex.length, 1);
    assert.match(tooComplex[0]!.message, /^Document 1 is not linted \(/);
    assert.equal(tooComplex[0]!.region.startLine, 1);
    assert.ok(linted.findings.some((finding) => finding.ruleId === 'host-pid'), 'the other document is still linted');
  });

  test('merge keys count against the same budget', () => {
    let text = 'b0: &b0 {k0: v}\n';
    for (let i = 1; i < 22; i++) text += `b${i}: &b${i} {<<: [*b${i - 1}], k${i}: [*b${i - 1}, *b${i - 1}]}\n`;
    const started = performance.now();
    const linted = lint(text);
    assert.ok(performance.now() - started < SECOND_UNDER_LOAD);
    assert.equal(linted.findings.filter((finding) => finding.ruleId === 'document-too-complex').length, 1);
  });

  test('millions of aliases are refused before parsing', () => {
    const started = performance.now();
    const outcome = decode(Buffer.from(`a: &a x\nb: [${Array(3_000_000).fill('*a').join(',')}]\n`));
    assert.ok('skipped' in outcome && /more than/.test(outcome.skipped));
    assert.ok(performance.now() - started < SECOND_UNDER_LOAD);
  });

  for (const [shape, text] of [
    ['flow sequences', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['flow mappings', `a: ${'{a: '.repeat(10_000)}v${'}'.repeat(10_000)}\n`],
    ['compact block sequences', `${'- '.repeat(10_000)}v\n`],
    // Block mappings need one more space per level: 2,000 levels are already 2 MB of indentation.
    ['block mappings', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' v\n'],
  ] as const) {
    test(`valid nesting thousands deep (${shape}) is reported as too deep, never as a syntax error`, () => {
      const linted = lint(`${text}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n`);
      assert.deepEqual(linted.findings.filter((finding) => finding.ruleId === 'yaml-syntax-error'), []);
      const tooComplex = linted.findings.filter((finding) => finding.ruleId === 'document-too-complex');
      assert.equal(tooComplex.length, 1);
      assert.match(tooComplex[0]!.message, /too deep|deeper than/);
      assert.ok(linted.findings.some((finding) => finding.ruleId === 'host-pid'));
    });
  }

  test('nesting 200 deep is linted', () => {
    const linted = lint(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  deep: "x"\nextra: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    assert.equal(linted.objectCount, 1);
    assert.deepEqual(linted.notes, []);
  });
});
