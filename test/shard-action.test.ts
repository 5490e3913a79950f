/** Shards in CI: the Action's shard and merge inputs, and the matrix workflows of docs/sharding.md as written. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { InputError, readInputs } from '../src/action/inputs.js';
import { parseCommandLine } from '../src/cli/args.js';
import { WORKFLOW_SCHEMA } from './support/github-workflow-schema.js';
import { REPO_ROOT } from './support/shared.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/sharding.md'), 'utf8');
const BLOCKS = [...DOC.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, body: match[2]! }));
const ACTION = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };

describe('shard inputs of the Action', () => {
  const inputs = (values: Record<string, string>) => readInputs((name) => values[name] ?? '');

  test('shard and shards make a matrix job; merge makes the final step', () => {
    assert.deepEqual(inputs({ shard: '2', shards: '4' }).shard, { index: 2, count: 4, report: 'kmlint-shard-2.json' });
    assert.equal(inputs({ shard: '1', shards: '2', 'shard-report': 'out/one.json' }).shard?.report, 'out/one.json');
    assert.deepEqual(inputs({ merge: 'shards\nextra.json' }).merge, ['shards', 'extra.json']);
    assert.equal(inputs({}).shard, undefined);
  });

  test('a half-given, out-of-range or contradictory pair is an input error', () => {
    const cases: Record<string, string>[] = [{ shard: '1' }, { shards: '3' }, { shard: '4', shards: '3' }, { shard: 'one', shards: '2' }, { shard: '1', shards: '2', merge: 'x' }];
    for (const values of cases) {
      assert.throws(() => inputs(values), InputError, JSON.stringify(values));
    }
  });
});

describe('docs/sharding.md', () => {
  test('the GitHub workflow follows the workflow syntax and gives the Action only inputs it declares', () => {
    const workflows = BLOCKS.filter((block) => block.lang === 'yaml' && block.body.includes('jobs:'));
    assert.equal(workflows.length, 1);
    const workflow = parse(workflows[0]!.body) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(WORKFLOW_SCHEMA);
    assert.ok(validate(workflow), JSON.stringify(validate.errors));
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((step) => step.uses?.startsWith('kmlint/kmlint@'));
    assert.equal(steps.length, 2);
    for (const name of steps.flatMap((step) => Object.keys(step.with ?? {}))) assert.ok(name in ACTION.inputs, `input ${name}`);
  });

  test('every kmlint command line parses, with the GitLab variables filled in', () => {
    const lines = BLOCKS.flatMap((block) => block.body.split('\n')).filter((line) => /\bkmlint (--|merge)/.test(line));
    assert.ok(lines.length >= 6);
    for (const line of lines) {
      const words = line.slice(line.indexOf('kmlint ') + 7).replace(/#.*$/, '').replaceAll('"$CI_NODE_INDEX/$CI_NODE_TOTAL"', '1/4').replaceAll('$CI_NODE_INDEX', '1').split(/\s+/).filter(Boolean);
      assert.doesNotThrow(() => parseCommandLine(words), line);
    }
  });
});

describe('the Action in a matrix', () => {
  test('shard jobs and a merge step write the SARIF and outputs of one unsharded step', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'kmlint-action-shard-'));
    cpSync(path.join(REPO_ROOT, 'test/manifests/cache'), path.join(workspace, 'k8s'), { recursive: true });
    const tsx = import.meta.resolve('tsx');
    const step = async (with_: Record<string, string>): Promise<{ status: number; outputs: string }> => {
      const outputFile = path.join(workspace, `output-${Object.values(with_).join('-').replace(/\W/g, '_')}.txt`);
      writeFileSync(outputFile, '');
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile };
      for (const [name, spec] of Object.entries(ACTION.inputs)) env[`INPUT_${name.toUpperCase()}`] = with_[name] ?? spec.default ?? '';
      Object.assign(env, { 'INPUT_GITHUB-TOKEN': '', INPUT_ANNOTATE: 'none', INPUT_PATH: 'k8s' });
      let status = 0;
      await promisify(execFile)(process.execPath, ['--import', tsx, path.join(REPO_ROOT, 'src/action/main.ts')], { cwd: workspace, env }).catch((error: { code: number }) => {
        status = error.code;
      });
      return { status, outputs: readFileSync(outputFile, 'utf8').replace(/ghadelimiter_[\w-]+/g, 'EOF') };
    };
    const [single, ...shards] = await Promise.all([
      step({ 'sarif-file': 'single.sarif' }),
      step({ shard: '1', shards: '2', 'shard-report': 'reports/one.json' }),
      step({ shard: '2', shards: '2', 'shard-report': 'reports/two.json' }),
    ]);
    for (const shard of shards) assert.equal(shard.status, 0);
    const merged = await step({ merge: 'reports', 'sarif-file': 'merged.sarif' });
    assert.equal(merged.status, single.status);
    assert.equal(single.status, 1, 'the fixture has errors');
    assert.equal(merged.outputs.replace('merged.sarif', 'single.sarif'), single.outputs);
    assert.equal(readFileSync(path.join(workspace, 'merged.sarif'), 'utf8'), readFileSync(path.join(workspace, 'single.sarif'), 'utf8'));
  });
});
