/**
 * The GitHub Action: its pieces as units, and the committed bundle run as a real subprocess with the
 * runner's INPUT_* / GITHUB_* variables against a fake GitHub API on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnnotationProperties } from '@actions/core';
import { parse as parseYaml } from 'yaml';
import { buildAction } from '../scripts/build-action.mjs';
import { lint } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';
import { ANNOTATIONS_PER_REQUEST, inBatches, toCheckAnnotation, type CheckAnnotation } from '../src/action/annotations.js';
import { CheckRunError, conclusionFor, publishCheckRun } from '../src/action/check-run.js';
import { countLevels, reportable } from '../src/action/findings.js';
import { createChecksClient } from '../src/action/github-client.js';
import { readGitHubContext } from '../src/action/github-context.js';
import { InputError, readInputs } from '../src/action/inputs.js';
import { CHECK_RUN_SUMMARY_MAX_BYTES, STEP_SUMMARY_MAX_BYTES, buildSummary } from '../src/action/summary.js';
import { emitWorkflowAnnotations, type AnnotationSink } from '../src/action/workflow-commands.js';
import type { Finding, Level } from '../src/types.js';
import { finding } from './support/finding.js';
import {
  CHECK_RUN_ID,
  acceptChecks,
  forbidChecks,
  startFakeGitHubApi,
  type FakeGitHubApi,
} from './support/github-api-server.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

function manyFindings(count: number): Finding[] {
  const levels: Level[] = ['error', 'warning', 'note'];
  return Array.from({ length: count }, (_, i) =>
    finding({
      ruleId: `rule-${i % 4}`,
      level: levels[i % 3],
      region: { startLine: i + 1, startColumn: 3, endLine: i + 1, endColumn: 9 },
    }),
  );
}

describe('inputs', () => {
  const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test('defaults match action.yml and several paths are split', () => {
    const inputs = readInputs(from({ path: 'k8s\ncharts/out', 'sarif-file': 'kmlint.sarif', 'github-token': 't' }));
    assert.deepEqual(inputs.paths, ['k8s', 'charts/out']);
    assert.equal(inputs.failOn, undefined, 'empty: the configuration decides, else error');
    assert.equal(readInputs(from({ 'fail-on': 'none' })).failOn, 'none');
    assert.equal(inputs.annotate, 'check-run');
    assert.deepEqual(inputs.presets, []);
    assert.deepEqual(readInputs(from({ preset: 'pss-baseline, all' })).presets, ['pss-baseline', 'all']);
    assert.equal(inputs.configFile, undefined);
    assert.deepEqual(readInputs(from({})).paths, ['.']);
  });

  test('a value outside the allowed set is a clear error naming the input', () => {
    assert.throws(() => readInputs(from({ annotate: 'comments' })), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /'annotate' must be one of check-run, workflow-commands, none; got 'comments'/);
      return true;
    });
    assert.throws(() => readInputs(from({ 'fail-on': 'fatal' })), /'fail-on'/);
    assert.throws(() => readInputs(from({ preset: 'strict' })), /'preset'/);
  });
});

describe('GitHub context', () => {
  test('on pull_request the check run goes on the PR head, not the merge commit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kmlint-event-'));
    const eventPath = join(dir, 'event.json');
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7, head: { sha: 'head-sha' } } }));
    const env = { GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'merge-sha', GITHUB_EVENT_PATH: eventPath };
    const pr = readGitHubContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, '/cwd');
    assert.equal(pr.headSha, 'head-sha');
    assert.equal(pr.owner, 'owner');
    assert.equal(pr.repo, 'repo');
    assert.equal(readGitHubContext({ ...env, GITHUB_EVENT_NAME: 'push' }, '/cwd').headSha, 'merge-sha');
    await rm(dir, { recursive: true });
  });

  test('the API base URL comes from GITHUB_API_URL, defaulting to api.github.com', () => {
    assert.equal(readGitHubContext({ GITHUB_API_URL: 'https://ghe.example/api/v3/' }, '/').apiUrl, 'https://ghe.example/api/v3');
    assert.equal(readGitHubContext({}, '/').apiUrl, 'https://api.github.com');
    assert.equal(readGitHubContext({}, '/cwd').workspace, '/cwd');
  });
});

describe('check-run annotations', () => {
  test('a single-line finding keeps its exact columns, title, rule id and help URL', () => {
    const annotation = toCheckAnnotation(finding({ level: 'error' }), 'Container image uses the latest tag');
    assert.deepEqual(
      {
        path: annotation.path,
        start_line: annotation.start_line,
        end_line: annotation.end_line,
        start_column: annotation.start_column,
        end_column: annotation.end_column,
        level: annotation.annotation_level,
      },
      { path: 'deploy/web.yaml', start_line: 21, end_line: 21, start_column: 18, end_column: 30, level: 'failure' },
    );
    assert.equal(annotation.title, 'image-tag-latest: Container image uses the latest tag');
    assert.match(annotation.message, /nginx:latest/);
    assert.match(annotation.message, /https:\/\/kmlint\.example\/rules\/image-tag-latest/);
    assert.match(annotation.raw_details ?? '', /Rule: image-tag-latest/);
  });

  test('a multi-line finding has no columns (the API rejects them) and notes map to notice', () => {
    const annotation = toCheckAnnotation(
      finding({ level: 'note', region: { startLine: 5, startColumn: 3, endLine: 9, endColumn: 4 } }),
    );
    assert.equal(annotation.start_column, undefined);
    assert.equal(annotation.end_column, undefined);
    assert.equal(annotation.end_line, 9);
    assert.equal(annotation.annotation_level, 'notice');
    assert.equal(annotation.title, 'image-tag-latest');
  });

  test('batches hold at most 50 annotations and keep every one in order', () => {
    const batches = inBatches(Array.from({ length: 120 }, (_, i) => i));
    assert.deepEqual(batches.map((b) => b.length), [50, 50, 20]);
    assert.deepEqual(batches.flat(), Array.from({ length: 120 }, (_, i) => i));
    assert.deepEqual(inBatches([]), []);
  });

  test('suppressed findings are never reported, errors come first', () => {
    const list = reportable([
      finding({ level: 'note', file: 'a.yaml' }),
      finding({ level: 'error', suppression: { source: 'comment' } }),
      finding({ level: 'error', file: 'b.yaml' }),
    ]);
    assert.deepEqual(list.map((f) => [f.level, f.file]), [['error', 'b.yaml'], ['note', 'a.yaml']]);
  });

  test('the conclusion fails only when the step fails', () => {
    assert.equal(conclusionFor(1, 3), 'failure');
    assert.equal(conclusionFor(2, 0), 'failure');
    assert.equal(conclusionFor(0, 3), 'neutral');
    assert.equal(conclusionFor(0, 0), 'success');
  });
});

describe('check run through Octokit against the fake API', () => {
  const annotations = manyFindings(120).map((f) => toCheckAnnotation(f));
  const request = { name: 'kmlint', headSha: 'abc123', conclusion: 'failure' as const, title: 't', summary: 's', annotations };
  const client = (api: FakeGitHubApi) =>
    createChecksClient({ token: 'test-token', baseUrl: api.url, owner: 'owner', repo: 'repo', debug: () => {} });

  test('creates the run with the first 50 annotations, then appends 50 per update', async () => {
    const api = await startFakeGitHubApi(acceptChecks);
    try {
      const run = await publishCheckRun(client(api), request);
      assert.equal(run.id, CHECK_RUN_ID);
      assert.deepEqual(
        api.requests.map((r) => `${r.method} ${r.path}`),
        [
          'POST /repos/owner/repo/check-runs',
          `PATCH /repos/owner/repo/check-runs/${CHECK_RUN_ID}`,
          `PATCH /repos/owner/repo/check-runs/${CHECK_RUN_ID}`,
        ],
      );
      const bodies = api.requests.map((r) => r.body as CheckRunBody);
      assert.deepEqual(bodies.map((b) => b.output.annotations.length), [50, 50, 20]);
      assert.deepEqual(bodies.flatMap((b) => b.output.annotations), annotations);
      assert.equal(bodies[0]?.head_sha, 'abc123');
      assert.equal(bodies[0]?.conclusion, 'failure');
      assert.equal(bodies[0]?.name, 'kmlint');
      assert.equal(api.requests[0]?.authorization, 'token test-token');
    } finally {
      await api.close();
    }
  });

  test('a read-only token (403) is reported as a permission problem with nothing delivered', async () => {
    const api = await startFakeGitHubApi(forbidChecks);
    try {
      await assert.rejects(publishCheckRun(client(api), request), (error: unknown) => {
        assert.ok(error instanceof CheckRunError);
        assert.equal(error.status, 403);
        assert.equal(error.isPermissionDenied, true);
        assert.equal(error.delivered, 0);
        assert.match(error.message, /Resource not accessible by integration/);
        return true;
      });
    } finally {
      await api.close();
    }
  });

  test('a failing update reports how many annotations already reached GitHub', async () => {
    const api = await startFakeGitHubApi((r) =>
      r.method === 'PATCH' ? { status: 500, body: { message: 'boom' } } : acceptChecks(r),
    );
    try {
      await assert.rejects(publishCheckRun(client(api), request), (error: unknown) => {
        assert.ok(error instanceof CheckRunError);
        assert.equal(error.delivered, ANNOTATIONS_PER_REQUEST);
        assert.equal(error.isPermissionDenied, false);
        return true;
      });
    } finally {
      await api.close();
    }
  });
});

describe('workflow-command annotations', () => {
  test('at most 10 per level are emitted (GitHub drops the rest), the count left out is returned', () => {
    const emitted: Array<[string, string, AnnotationProperties]> = [];
    const sink: AnnotationSink = {
      error: (m, p) => emitted.push(['error', m, p]),
      warning: (m, p) => emitted.push(['warning', m, p]),
      notice: (m, p) => emitted.push(['notice', m, p]),
    };
    const omitted = emitWorkflowAnnotations(reportable(manyFindings(45)), sink);
    assert.equal(emitted.length, 30);
    assert.equal(omitted, 15);
    assert.deepEqual(
      ['error', 'warning', 'notice'].map((level) => emitted.filter(([l]) => l === level).length),
      [10, 10, 10],
    );
    const [, message, properties] = emitted[0] ?? [];
    assert.match(message ?? '', /https:\/\/kmlint\.example\/rules/);
    assert.deepEqual(properties, { file: 'deploy/web.yaml', startLine: 1, endLine: 1, startColumn: 3, endColumn: 9, title: 'rule-0' });
  });
});

describe('job summary', () => {
  const base = { files: 2, objects: 3, failOn: 'error', failed: true, sarifFile: 'kmlint.sarif' };

  test('counts findings by rule and lists them by file, safe for Markdown tables', () => {
    const md = buildSummary({
      ...base,
      findings: reportable([
        finding({ level: 'error', message: 'Value a|b\n<script>' }),
        finding({ file: 'a.yaml', ruleId: 'host-network' }),
        finding({ file: 'a.yaml', ruleId: 'host-network', region: { startLine: 40, startColumn: 1, endLine: 40, endColumn: 5 } }),
      ]),
      ruleSummaries: new Map([['host-network', 'Pod uses the host network']]),
      maxBytes: STEP_SUMMARY_MAX_BYTES,
    });
    assert.match(md, /\*\*1 error, 2 warnings, 0 notes\*\* in 2 files \(3 Kubernetes objects\)/);
    assert.match(md, /\| `host-network` Pod uses the host network \| warning \| 2 \| \[docs\]\(https:/);
    assert.match(md, /\| `image-tag-latest` \| error \| 1 \|/);
    assert.match(md, /\| a\.yaml \| 40 \| warning \| `host-network` \|/);
    assert.match(md, /Value a\\\|b &lt;script&gt;/);
    assert.doesNotMatch(md, /left out/);
  });

  test('stays within the size limit and says how many findings were left out', () => {
    const findings = reportable(manyFindings(500));
    const md = buildSummary({ ...base, findings, maxBytes: 8_000 });
    assert.ok(Buffer.byteLength(md) <= 8_000);
    const rows = md.split('\n').filter((line) => line.startsWith('| deploy/web.yaml |')).length;
    assert.ok(rows > 10 && rows < 500);
    assert.match(md, new RegExp(`_${500 - rows} more findings left out to stay within GitHub's size limit; the SARIF file \`kmlint.sarif\` has them all._`));
  });

  test('a huge run fits the 1 MiB step summary and the check run summary limits', () => {
    const long = 'x'.repeat(300);
    const findings = reportable(manyFindings(20_000).map((f) => ({ ...f, message: long })));
    const step = buildSummary({ ...base, findings, maxBytes: STEP_SUMMARY_MAX_BYTES });
    assert.ok(Buffer.byteLength(step) <= STEP_SUMMARY_MAX_BYTES);
    assert.ok(Buffer.byteLength(step) > STEP_SUMMARY_MAX_BYTES - 2_000, 'uses the room it has');
    assert.match(step, /more findings left out/);
    const check = buildSummary({ ...base, findings, maxBytes: CHECK_RUN_SUMMARY_MAX_BYTES });
    assert.ok(check.length <= 65_535);
  });

  test('a clean run says so without empty tables', () => {
    const md = buildSummary({ ...base, failed: false, findings: [], maxBytes: STEP_SUMMARY_MAX_BYTES });
    assert.match(md, /✅ \*\*0 errors, 0 warnings, 0 notes\*\*/);
    assert.doesNotMatch(md, /\| Rule \|/);
  });
});

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  output: { title: string; summary: string; annotations: CheckAnnotation[] };
}

describe('the committed bundle', () => {
  test('dist/action is what the sources build to (rebuild with `node scripts/build-action.mjs`)', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'kmlint-action-build-'));
    try {
      await buildAction(outdir);
      const built = (await readdir(outdir)).sort();
      assert.deepEqual((await readdir(join(repoRoot, 'dist/action'))).sort(), built);
      for (const name of built) {
        const fresh = await readFile(join(outdir, name));
        const committed = await readFile(join(repoRoot, 'dist/action', name));
        assert.ok(fresh.equals(committed), `dist/action/${name} is stale: run node scripts/build-action.mjs`);
      }
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });

  test('action.yml runs the bundle on node24', async () => {
    const action = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
    assert.deepEqual(action.runs, { using: 'node24', main: 'dist/action/index.js' });
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'findings', 'sarif-file', 'shard-report', 'warnings']);
  });
});

/** The fenced code blocks of one `## heading` section of a Markdown file. */
async function snippetBlocks(file: string, heading: string, language: string): Promise<string[]> {
  const text = await readFile(join(repoRoot, file), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  assert.ok(section, `${file} has a "## ${heading}" section`);
  return [...section.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');
}

describe('the workflow snippet in docs/usage-snippets.md', () => {
  test('uses only inputs the Action declares, the permissions it needs, and uploads the SARIF it writes', async () => {
    const [workflowText = ''] = await snippetBlocks('docs/usage-snippets.md', 'GitHub Action', 'yaml');
    const workflow = parseYaml(workflowText) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
    };
    const action = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
    assert.deepEqual(workflow.permissions, { contents: 'read', checks: 'write', 'security-events': 'write' });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const kmlint = steps.find((step) => step.uses?.startsWith('kmlint/kmlint@'));
    assert.ok(kmlint, 'a step uses the Action');
    // Inputs shown as comments count too: a user will uncomment them.
    const commented = [...workflowText.matchAll(/^\s+# ([\w-]+): /gm)].map((m) => m[1] ?? '');
    for (const input of [...Object.keys(kmlint.with ?? {}), ...commented]) {
      assert.ok(input in action.inputs, `input '${input}' exists in action.yml`);
    }
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, action.inputs['sarif-file']?.default);
  });
});

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: unknown;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

const PR_HEAD_SHA = 'c0ffee0000000000000000000000000000000001';
const MERGE_SHA = 'ba5e000000000000000000000000000000000002';

/** Runs `node dist/action/index.js` with the environment the runner gives a `uses:` step. */
async function runAction(
  inputs: Record<string, string>,
  apiUrl = 'http://127.0.0.1:9',
  extraFiles: Record<string, string> = {},
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const action = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
  const runnerDir = await mkdtemp(join(tmpdir(), 'kmlint-runner-'));
  const workspace = join(runnerDir, 'workspace');
  await cp(join(repoRoot, 'test/manifests/action/workspace'), workspace, { recursive: true });
  for (const [file, text] of Object.entries(extraFiles)) {
    await mkdir(dirname(join(workspace, file)), { recursive: true });
    await writeFile(join(workspace, file), text);
  }
  const outputFile = join(runnerDir, 'output.txt');
  const summaryFile = join(runnerDir, 'summary.md');
  const eventFile = join(runnerDir, 'event.json');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(eventFile, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, head: { sha: PR_HEAD_SHA } } }));

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv,
  };
  // The runner passes every declared input, defaults included, as INPUT_<NAME> with hyphens kept.
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = name in inputs ? inputs[name] : name === 'github-token' ? 'test-token' : (spec.default ?? '');
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [join(repoRoot, 'dist/action/index.js')], { cwd: workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    workspace,
  };
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value, then the delimiter, for each output. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

/** What the Action should send for the fixture: every unsuppressed finding of the engine, in its order. */
async function expectedAnnotations(workspace: string): Promise<{ annotations: CheckAnnotation[]; findings: Finding[] }> {
  const result = await lint({ paths: ['.'], cwd: workspace });
  const findings = reportable(result.findings);
  const summaries = new Map(rules.map((rule) => [rule.meta.id, rule.meta.summary]));
  return { findings, annotations: findings.map((f) => toCheckAnnotation(f, summaries.get(f.ruleId))) };
}

const workflowAnnotationLines = (stdout: string) => stdout.split('\n').filter((line) => /^::(error|warning|notice) .*\bfile=/.test(line));

describe('the Action as a subprocess against a fake GitHub API', () => {
  let api: FakeGitHubApi;
  let forbidden: FakeGitHubApi;
  const runs: string[] = [];
  before(async () => {
    api = await startFakeGitHubApi(acceptChecks);
    forbidden = await startFakeGitHubApi(forbidChecks);
  });
  after(async () => {
    await api.close();
    await forbidden.close();
    for (const dir of runs) await rm(dir, { recursive: true, force: true });
  });
  const track = (run: ActionRun) => {
    runs.push(resolve(run.workspace, '..'));
    return run;
  };

  test('annotates every finding on a check run at the PR head, 50 per request, and fails on errors', async () => {
    api.requests.length = 0;
    const run = track(await runAction({}, api.url));
    const { annotations, findings } = await expectedAnnotations(run.workspace);
    const counts = countLevels(findings);
    assert.ok(findings.length > 100, `the fixture has more than two batches of findings (${findings.length})`);
    assert.ok(counts.errors > 0);

    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(workflowAnnotationLines(run.stdout), [], 'no workflow-command annotations when the check run works');
    const [create, ...updates] = api.requests;
    assert.equal(`${create?.method} ${create?.path}`, 'POST /repos/owner/repo/check-runs');
    assert.ok(updates.every((r) => `${r.method} ${r.path}` === `PATCH /repos/owner/repo/check-runs/${CHECK_RUN_ID}`));
    assert.equal(create?.authorization, 'token test-token');
    const bodies = api.requests.map((r) => r.body as CheckRunBody);
    const sizes = bodies.map((b) => b.output.annotations.length);
    assert.deepEqual(sizes, inBatches(findings).map((batch) => batch.length));
    assert.deepEqual(bodies.flatMap((b) => b.output.annotations), annotations, 'every finding, at its exact lines');
    assert.equal(bodies[0]?.head_sha, PR_HEAD_SHA, 'the PR head, not the merge commit');
    assert.equal(bodies[0]?.name, 'kmlint');
    assert.equal(bodies[0]?.status, 'completed');
    assert.equal(bodies[0]?.conclusion, 'failure');
    assert.match(bodies[0]?.output.title ?? '', new RegExp(`^${counts.errors} errors?, `));
    assert.match(bodies[0]?.output.summary ?? '', /### Findings by rule/);

    assert.deepEqual(run.outputs, {
      'sarif-file': 'kmlint.sarif',
      findings: String(counts.findings),
      errors: String(counts.errors),
      warnings: String(counts.warnings),
    });
    const sarif = JSON.parse(await readFile(join(run.workspace, 'kmlint.sarif'), 'utf8')) as SarifLog;
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.flatMap((r) => r.results).length, findings.length);
    assert.match(run.summary, /^## kmlint/);
    assert.match(run.summary, /Every finding is annotated on the check run \[kmlint\]\(https:/);
    assert.match(run.summary, /\| k8s\/workloads\.yaml \| \d+ \| error \|/);
    assert.match(run.stdout, /^::error::kmlint found \d+ findings/m, 'the step fails with a reason');
  });

  test('findings below fail-on give a neutral check run and a passing step', async () => {
    api.requests.length = 0;
    const run = track(await runAction({ 'fail-on': 'none' }, api.url));
    assert.equal(run.status, 0, run.stderr);
    assert.equal((api.requests[0]?.body as CheckRunBody | undefined)?.conclusion, 'neutral');
  });

  test('a read-only token (fork) falls back to workflow commands, says so once, and does not fail the step', async () => {
    forbidden.requests.length = 0;
    const run = track(await runAction({ 'fail-on': 'none' }, forbidden.url));
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(forbidden.requests.length, 1, 'one attempt, no retries');
    const lines = workflowAnnotationLines(run.stdout);
    assert.ok(lines.length > 0 && lines.length <= 30, `${lines.length} annotations, at most 10 per level`);
    assert.match(lines[0] ?? '', /^::error title=[\w-]+,file=k8s\/workloads\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+::\S/);
    assert.equal(run.stdout.match(/cannot create a check run/g)?.length, 1, 'the fallback is announced once');
    assert.match(run.stdout, /HTTP 403: Resource not accessible by integration/);
    assert.match(run.summary, /read-only token/);
    assert.match(run.summary, /\d+ findings? appear only in the table below/);
    assert.equal(run.outputs.findings, String((await expectedAnnotations(run.workspace)).findings.length));
  });

  test('with a read-only token the step still fails for findings, only for them', async () => {
    const run = track(await runAction({}, forbidden.url));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^::error::kmlint found \d+ findings/m);
  });

  test('annotate: workflow-commands never calls the API', async () => {
    api.requests.length = 0;
    const run = track(await runAction({ annotate: 'workflow-commands', 'fail-on': 'none' }, api.url));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(api.requests, []);
    assert.ok(workflowAnnotationLines(run.stdout).length > 0);
    assert.doesNotMatch(run.stdout, /cannot create a check run/);
  });

  test('annotate: none and an empty sarif-file write neither annotations nor SARIF', async () => {
    api.requests.length = 0;
    const run = track(await runAction({ annotate: 'none', 'sarif-file': '', 'fail-on': 'none' }, api.url));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(api.requests, []);
    assert.deepEqual(workflowAnnotationLines(run.stdout), []);
    assert.equal(run.outputs['sarif-file'], undefined);
    assert.deepEqual((await readdir(run.workspace)).sort(), ['k8s']);
    assert.match(run.summary, /### Findings by file/);
  });

  test('the config input is applied like the CLI applies --config', async () => {
    api.requests.length = 0;
    const configured = track(
      await runAction({ config: 'ci/kmlint.yaml', annotate: 'workflow-commands' }, api.url, {
        'ci/kmlint.yaml': 'rules:\n  privileged-container: off\nfailOn: note\n',
      }),
    );
    assert.doesNotMatch(configured.stdout, /title=privileged-container/);
    assert.match(configured.stdout, /title=privilege-escalation-allowed/, 'other rules still run');
    assert.match(configured.summary, /the step fails on `note` and above/);
    assert.equal(configured.status, 1);
  });

  test('with a baseline of today\'s findings the run is clean and the check run is green', async () => {
    api.requests.length = 0;
    const first = track(await runAction({ 'fail-on': 'none', annotate: 'none' }, api.url));
    const baseline = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), '--write-baseline', 'kmlint-baseline.json', 'k8s'], {
      cwd: first.workspace,
      encoding: 'utf8',
    });
    assert.equal(baseline.status, 0, baseline.stderr);
    const baselineText = await readFile(join(first.workspace, 'kmlint-baseline.json'), 'utf8');
    const run = track(await runAction({ baseline: 'kmlint-baseline.json' }, api.url, { 'kmlint-baseline.json': baselineText }));
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.outputs.findings, '0');
    const bodies = api.requests.map((r) => r.body as CheckRunBody);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0]?.conclusion, 'success');
    assert.deepEqual(bodies[0]?.output.annotations, [], 'suppressed findings are not annotated');
  });

  test('a bad input or a missing path exits 2 with a message, before any API call', async () => {
    api.requests.length = 0;
    const bad = track(await runAction({ annotate: 'comments' }, api.url));
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /^::error::Input 'annotate' must be one of/m);
    const missing = track(await runAction({ path: 'no-such-dir' }, api.url));
    assert.equal(missing.status, 2);
    assert.match(missing.stdout, /^::error::kmlint could not lint no-such-dir: .*no-such-dir/m);
    assert.deepEqual(api.requests, []);
  });

  test('a sarif-file that is a folder exits 2 with one line, no stack trace', async () => {
    const run = track(await runAction({ 'sarif-file': 'k8s', annotate: 'none' }, api.url));
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^::error::kmlint cannot write the SARIF file 'k8s': EISDIR/m);
    assert.doesNotMatch(`${run.stdout}${run.stderr}`, /^\s+at /m);
  });

  test('an API that never answers: bounded retries, then workflow commands, and the step still ends', async () => {
    const silent = await startFakeGitHubApi(() => undefined);
    try {
      const started = Date.now();
      const run = track(await runAction({ 'fail-on': 'none' }, silent.url, {}, { KMLINT_GITHUB_TIMEOUT_MS: '1500', KMLINT_GITHUB_RETRY_DELAY_MS: '10' }));
      assert.ok(Date.now() - started < 30_000, 'the step ended (three timed-out requests, not a hang)');
      assert.equal(run.status, 0, run.stdout);
      assert.equal(silent.requests.length, 3, 'one request and two retries');
      assert.match(run.stdout, /cannot create a check run: the Checks API request failed/);
      assert.ok(workflowAnnotationLines(run.stdout).length > 0, 'findings fall back to workflow commands');
      assert.doesNotMatch(`${run.stdout}${run.stderr}`, /^\s+at /m);
    } finally {
      await silent.close();
    }
  });

  test('5xx answers are retried and the check run is still created', async () => {
    let calls = 0;
    const flaky = await startFakeGitHubApi((request) => (++calls <= 2 ? { status: 502, body: { message: 'Bad Gateway' } } : acceptChecks(request)));
    try {
      const run = track(await runAction({ 'fail-on': 'none' }, flaky.url, {}, { KMLINT_GITHUB_RETRY_DELAY_MS: '10' }));
      assert.equal(run.status, 0, run.stdout);
      assert.equal(flaky.requests.filter((request) => request.method === 'POST').length, 3);
      assert.match(run.stdout, /annotated \d+ findings? on the check run/);
      assert.equal(workflowAnnotationLines(run.stdout).length, 0);
    } finally {
      await flaky.close();
    }
  });
});

interface SarifLog {
  version: string;
  runs: Array<{ results: unknown[] }>;
}
