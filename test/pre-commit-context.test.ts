/**
 * Pre-commit correctness for cross-object rules: the hook passes only the changed files, so a Service
 * whose Deployment sits in an unchanged, committed file must still find it (the engine indexes the
 * repository's tracked manifests as context), and must still be reported when nothing matches it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { lintSources } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';
import { runCli } from './support/cli.js';

const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: app
          image: web:1.0
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const made: string[] = [];
after(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A git repository with the Deployment committed and the Service written (staged, as pre-commit sees it). */
async function repository(app: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kmlint-context-'));
  made.push(dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  await writeFile(path.join(dir, 'deployment.yaml'), deployment(app));
  git('add', 'deployment.yaml');
  git('commit', '-q', '-m', 'deployment');
  await writeFile(path.join(dir, 'service.yaml'), service);
  git('add', 'service.yaml');
  return dir;
}

/** The hook's entry with the changed file names, run from the repository root like pre-commit. */
function hookRun(dir: string): { stdout: string; status: number | null; stderr: string } {
  return runCli(['--format', 'json', 'service.yaml'], { cwd: dir });
}

function danglingServiceFindings(stdout: string): unknown[] {
  const report = JSON.parse(stdout) as { findings?: { ruleId: string }[] } | { ruleId: string }[];
  const findings = Array.isArray(report) ? report : (report.findings ?? []);
  return findings.filter((finding) => finding.ruleId === 'dangling-service');
}

describe('pre-commit run of a changed Service whose Deployment is committed elsewhere', () => {
  test('the Deployment in the unchanged file is found: no dangling-service', async () => {
    const dir = await repository('web');
    const { stdout, status, stderr } = hookRun(dir);
    assert.equal(status, 0, `${stdout}${stderr}`);
    assert.deepEqual(danglingServiceFindings(stdout), []);
  });

  test('a Deployment whose labels do not match: dangling-service is reported', async () => {
    const dir = await repository('website');
    const { stdout, status, stderr } = hookRun(dir);
    assert.equal(status, 0, `a warning does not fail the run: ${stdout}${stderr}`);
    assert.equal(danglingServiceFindings(stdout).length, 1, stdout);
  });

  test('through lint() with explicit context files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kmlint-context-'));
    made.push(dir);
    await writeFile(path.join(dir, 'deployment.yaml'), deployment('web'));
    const rule = rules.filter((candidate) => candidate.meta.id === 'dangling-service');
    const source = [{ display: 'service.yaml', read: async () => ({ text: service }) }];
    const withContext = await lintSources(source, { cwd: dir, rules: rule, context: [path.join(dir, 'deployment.yaml')] });
    assert.equal(withContext.contextObjects, 1);
    assert.deepEqual(withContext.findings.filter((finding) => finding.ruleId === 'dangling-service'), []);
    // Without the context, the Service alone is a partial input: nothing is judged, unless the run is complete.
    const complete = await lintSources(source, { cwd: dir, rules: rule, context: [], complete: true });
    assert.equal(complete.findings.filter((finding) => finding.ruleId === 'dangling-service').length, 1);
  });
});
