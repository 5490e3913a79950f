/**
 * The GitHub Action: its pieces as units, and the committed bundle run as a real subprocess with the
 * runner's INPUT_* / GITHUB_* variables against a fake GitHub API on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnnotationProperties } from '@actions/core';
import { ANNOTATIONS_PER_REQUEST, inBatches, toCheckAnnotation, type CheckAnnotation } from '../src/action/annotations.js';
import { CheckRunError, conclusionFor, publishCheckRun } from '../src/action/check-run.js';
import { reportable } from '../src/action/findings.js';
import { createChecksClient } from '../src/action/github-client.js';
import { readGitHubContext } from '../src/action/github-context.js';
import { InputError, readInputs } from '../src/action/inputs.js';
import { CHECK_RUN_SUMMARY_MAX_BYTES, STEP_SUMMARY_MAX_BYTES, buildSummary } from '../src/action/summary.js';
import { emitWorkflowAnnotations, type AnnotationSink } from '../src/action/workflow-commands.js';
import type { Finding, Level } from '../src/types.js';
import {
  CHECK_RUN_ID,
  acceptChecks,
  forbidChecks,
  startFakeGitHubApi,
  type FakeGitHubApi,
  type RecordedRequest,
} from './support/github-api-server.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'image-tag-latest',
    level: 'warning',
    message: 'Container app uses image nginx:latest.',
    file: 'deploy/web.yaml',
    region: { startLine: 21, startColumn: 18, endLine: 21, endColumn: 30 },
    path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
    fingerprint: 'fp',
    helpUri: 'https://kmlint.example/rules/image-tag-latest',
    ...overrides,
  };
}

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
    assert.equal(inputs.failOn, 'error');
    assert.equal(inputs.annotate, 'check-run');
    assert.equal(inputs.preset, undefined);
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
    assert.deepEqual(properties, { title: 'rule-0', file: 'deploy/web.yaml', startLine: 1, endLine: 1, startColumn: 3, endColumn: 9 });
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
