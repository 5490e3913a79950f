/**
 * The project's own workflows cannot run here: they are checked against GitHub's documented syntax,
 * and for what they must do (Node matrix, the test data beside the repository, trusted publishing without
 * a token, SARIF, the major tag).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { DEPENDABOT_SCHEMA, WORKFLOW_SCHEMA } from './support/github-workflow-schema.js';
import { REPO_ROOT } from './support/shared.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateWorkflow = ajv.compile(WORKFLOW_SCHEMA);
const CONTEXTS = ['github', 'matrix', 'steps', 'env', 'vars', 'runner', 'inputs', 'needs', 'job', 'strategy'];

function load(file: string): { text: string; value: any } {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return { text, value: parse(text, { uniqueKeys: true }) };
}

const runs = (job: any): string => job.steps.map((step: any) => step.run ?? '').join('\n');

describe('workflows', () => {
  for (const file of ['.github/workflows/ci.yml', '.github/workflows/release.yml']) {
    test(`${file} follows the documented workflow syntax`, () => {
      const { text, value } = load(file);
      assert.ok(validateWorkflow(value), JSON.stringify(validateWorkflow.errors, null, 2));
      // Expressions are closed and read known contexts only; secrets are never needed.
      for (const [, expression] of text.matchAll(/\$\{\{(.*?)\}\}/g)) {
        const context = /^\s*!?\s*([a-z_]+)/.exec(expression!)?.[1];
        assert.ok(context && (CONTEXTS.includes(context) || /^[a-z]+\(/.test(expression!.trim())), `unknown context in \${{${expression}}}`);
      }
      assert.equal(text.split('${{').length, text.split('}}').length, 'every ${{ is closed');
      assert.ok(!/secrets\./.test(text), 'no secret is used');
      assert.deepEqual(value.permissions, { contents: 'read' }, 'read-only by default');
    });
  }

  test('ci runs .ci/run on Node 20, 22 and 24 on Linux, and the tests on macOS and Windows', () => {
    const { value } = load('.github/workflows/ci.yml');
    const linux = value.jobs.linux;
    assert.equal(linux['runs-on'], 'ubuntu-latest');
    assert.deepEqual(linux.strategy.matrix.node, [20, 22, 24]);
    assert.match(runs(linux), /^bash \.ci\/run$/m);
    const others = value.jobs['other-systems'];
    assert.deepEqual(others.strategy.matrix.os, ['macos-latest', 'windows-latest']);
    assert.match(runs(others), /^npm test$/m);
    assert.match(runs(others), /core\.autocrlf false/, 'CRLF fixtures are checked out as committed');
  });

  test('release publishes with provenance through OIDC, attaches the examples\' SARIF and moves the major tag', () => {
    const { value } = load('.github/workflows/release.yml');
    assert.deepEqual(value.on, { push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    const job = value.jobs.release;
    assert.equal(job.permissions['id-token'], 'write');
    const script = runs(job);
    assert.match(script, /npm publish --provenance/);
    assert.ok(!/NODE_AUTH_TOKEN|NPM_TOKEN/.test(JSON.stringify(value)), 'no long-lived npm token');
    assert.match(script, /--format sarif=kmlint-examples\.sarif .*examples\//);
    assert.match(script, /gh release create .*kmlint-examples\.sarif/);
    assert.match(script, /git push --force origin "refs\/tags\/\$major"/);
    // The tests run before anything is published.
    assert.ok(script.indexOf('bash .ci/run') < script.indexOf('npm publish'));
  });

  test('every job that runs the tests first checks the test data is configured, then checks it out as ../shared', () => {
    let jobsWithTests = 0;
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/release.yml']) {
      for (const [name, job] of Object.entries<any>(load(file).value.jobs)) {
        const testing = job.steps.findIndex((step: any) => /^(npm test|bash \.ci\/run)$/m.test(step.run ?? ''));
        if (testing < 0) continue;
        jobsWithTests++;
        const where = `${file} ${name}`;
        const [guard] = job.steps;
        assert.equal(guard.if, "vars.KMLINT_TEST_DATA_REPOSITORY == ''", `${where}: the first step stops a run without test data`);
        assert.equal(guard.shell, 'bash', `${where}: the guard runs the same on Windows`);
        const own = job.steps.findIndex((step: any) => step.uses?.startsWith('actions/checkout@') && step.with?.repository === undefined);
        const data = job.steps.findIndex((step: any) => step.uses?.startsWith('actions/checkout@') && step.with?.repository !== undefined);
        assert.equal(job.steps[own]?.with.path, 'kmlint', `${where}: the repository is checked out in kmlint/`);
        assert.deepEqual(job.steps[data]?.with, {
          repository: '${{ vars.KMLINT_TEST_DATA_REPOSITORY }}',
          ref: '${{ vars.KMLINT_TEST_DATA_REF }}',
          path: 'shared',
          'persist-credentials': false,
        }, `${where}: the test data is checked out beside it, as ../shared`);
        assert.ok(data < testing, `${where}: the test data is there before the tests run`);
        assert.equal(job.steps[testing]['working-directory'], 'kmlint', `${where}: the tests run in kmlint/, so ../shared is the data`);
      }
    }
    assert.equal(jobsWithTests, 3, 'the Linux and other-systems jobs of ci, and the release job');
  });

  test('without the variable the guard fails with one line that says what to set and where it is documented', { skip: process.platform === 'win32' && 'needs bash' }, () => {
    const { value } = load('.github/workflows/ci.yml');
    const result = spawnSync('bash', ['-e', '-c', value.jobs.linux.steps[0].run], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1, result.stdout);
    assert.match(lines[0]!, /^::error title=Test data not configured::Set the repository variable KMLINT_TEST_DATA_REPOSITORY /);
    // The place it points to explains the data and the variables.
    const contributing = readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');
    assert.match(lines[0]!, /CONTRIBUTING\.md, Test data/);
    assert.match(contributing, /^## Test data$/m);
    for (const variable of ['KMLINT_TEST_DATA_REPOSITORY', 'KMLINT_TEST_DATA_REF']) assert.ok(contributing.includes(variable), variable);
  });

  test('dependabot updates npm packages and Actions', () => {
    const { value } = load('.github/dependabot.yml');
    const ecosystems = value.updates.map((update: any) => update['package-ecosystem']).sort();
    const validate = ajv.compile(DEPENDABOT_SCHEMA);
    assert.ok(validate(value), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(ecosystems, ['github-actions', 'npm']);
  });

  test('the schema stands in for actionlint: it rejects what GitHub rejects', () => {
    const broken = [
      { on: 'push', jobs: { build: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout@v6', run: 'x' }] } } },
      { on: 'push', jobs: { build: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'x' }], permision: {} } } },
      { on: 'push', permissions: { 'id-tokens': 'write' }, jobs: { build: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'x' }] } } },
      { on: 'push', jobs: { build: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout' }] } } },
    ];
    for (const workflow of broken) assert.equal(validateWorkflow(workflow), false, JSON.stringify(workflow));
  });
});
