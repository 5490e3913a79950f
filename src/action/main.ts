/**
 * The GitHub Action's entry: lint, write SARIF, annotate the pull request (check run, or workflow commands
 * where the token cannot write checks), write the job summary and the outputs.
 */
import { mkdir, writeFile, appendFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { setupRun } from '../config/run-setup.js';
import { exitCode, type ExitCodeOptions } from '../engine/exit-code.js';
import { lint, type LintOptions, type LintRun } from '../run/lint.js';
import { renderRequest } from '../render/request.js';
import { lintWithRenders } from '../render/run.js';
import { writeShardReport } from '../shard/cli.js';
import { mergeRun } from '../shard/merge-run.js';
import { formatSarif } from '../formatters/sarif.js';
import { rules } from '../rules/index.js';
import type { Finding } from '../types.js';
import { visibleLine } from '../redact/visible.js';
import { VERSION } from '../version.js';
import { toCheckAnnotation } from './annotations.js';
import { CheckRunError, conclusionFor, publishCheckRun } from './check-run.js';
import { countLevels, describeCounts, plural, reportable } from './findings.js';
import { readGitHubContext, type GitHubContext } from './github-context.js';
import { createChecksClient } from './github-client.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, envMilliseconds } from './retry.js';
import { CHECK_RUN_SUMMARY_MAX_BYTES, STEP_SUMMARY_MAX_BYTES, buildSummary } from './summary.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL, emitWorkflowAnnotations } from './workflow-commands.js';

const CHECK_RUN_NAME = 'kmlint';
const ruleSummaries = new Map(rules.map((rule) => [rule.meta.id, rule.meta.summary]));

async function run(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return usageError(error.message);
  }
  const context = readGitHubContext(process.env, process.cwd());
  const cwd = context.workspace;

  let result: LintRun;
  let exitOptions: ExitCodeOptions;
  try {
    // The same configuration, suppression and baseline handling as the CLI.
    const setup = await setupRun(
      {
        config: inputs.configFile,
        presets: inputs.presets.length > 0 ? inputs.presets : undefined,
        failOn: inputs.failOn === 'none' ? undefined : inputs.failOn,
        baseline: inputs.baseline,
      },
      { cwd, rules },
    );
    exitOptions = setup.exit;
    if (inputs.shard) return await lintShard(inputs.shard, { paths: inputs.paths, cwd, ...setup.lint });
    const render = renderRequest(inputs.render, inputs.paths, setup.render, cwd);
    result =
      inputs.merge.length > 0
        ? await mergeRun(inputs.merge, setup, cwd)
        : render
          ? await lintWithRenders({ paths: inputs.paths, cwd, ...setup.lint }, render)
          : await lint({ paths: inputs.paths, cwd, ...setup.lint });
  } catch (error) {
    return usageError(`kmlint could not lint ${inputs.paths.join(' ')}: ${messageOf(error)}`);
  }

  for (const note of result.notes) core.info(visibleLine(note));
  const findings = reportable(result.findings);
  const counts = countLevels(findings);
  // fail-on: none keeps the verdict for internal errors only.
  const exit = inputs.failOn === 'none' ? (result.internalErrors > 0 ? 2 : 0) : exitCode(result, exitOptions);
  const failOn = inputs.failOn === 'none' ? 'none' : (exitOptions.failOn ?? 'error');

  if (inputs.sarifFile) {
    const sarifPath = resolve(cwd, inputs.sarifFile);
    const sarif = formatSarif(result, { cwd, version: VERSION, rules: rules.map((rule) => rule.meta) });
    try {
      await mkdir(dirname(sarifPath), { recursive: true });
      await writeFile(sarifPath, sarif);
    } catch (error) {
      return usageError(`kmlint cannot write the SARIF file '${inputs.sarifFile}': ${messageOf(error)}`);
    }
    core.setOutput('sarif-file', inputs.sarifFile);
  }
  core.setOutput('findings', counts.findings);
  core.setOutput('errors', counts.errors);
  core.setOutput('warnings', counts.warnings);

  const summaryFor = (maxBytes: number, annotationNote?: string) =>
    buildSummary({
      findings,
      files: result.files.length,
      objects: result.objects,
      failOn,
      failed: exit !== 0,
      annotationNote,
      sarifFile: inputs.sarifFile || undefined,
      ruleSummaries,
      maxBytes,
    });

  const annotationNote = await annotate(inputs, context, findings, conclusionFor(exit, counts.findings), () =>
    summaryFor(CHECK_RUN_SUMMARY_MAX_BYTES),
  );
  if (context.stepSummaryFile) {
    await appendFile(context.stepSummaryFile, summaryFor(STEP_SUMMARY_MAX_BYTES, annotationNote));
  }

  core.info(`kmlint ${VERSION}: ${describeCounts(counts)} in ${plural(result.files.length, 'file')}.`);
  if (exit === 2) {
    core.setFailed(`kmlint hit ${plural(result.internalErrors, 'internal error')}; the findings may be incomplete.`);
    process.exitCode = 2;
  } else if (exit === 1) {
    core.setFailed(`kmlint found ${plural(counts.findings, 'finding')} (${describeCounts(counts)}); the step fails on '${failOn}' and above.`);
  }
}

/** A matrix job: its shard's report for the merge step, which annotates, writes SARIF and decides the verdict. */
async function lintShard(shard: NonNullable<ActionInputs['shard']>, options: LintOptions): Promise<void> {
  const result = await lint({ ...options, shard });
  await mkdir(dirname(resolve(options.cwd, shard.report)), { recursive: true });
  process.exitCode = await writeShardReport(result, resolve(options.cwd, shard.report));
  core.setOutput('shard-report', shard.report);
  core.info(`kmlint ${VERSION}: shard ${shard.index}/${shard.count} wrote ${shard.report} (${plural(result.files.length, 'file')}); the merge step reports the findings.`);
}

/** Annotates the findings and returns the sentence the job summary shows about where they went. */
async function annotate(
  inputs: ActionInputs,
  context: GitHubContext,
  findings: readonly Finding[],
  conclusion: ReturnType<typeof conclusionFor>,
  checkRunSummary: () => string,
): Promise<string | undefined> {
  if (inputs.annotate === 'none') return undefined;
  if (inputs.annotate === 'workflow-commands') return findings.length > 0 ? annotateWithWorkflowCommands(findings) : undefined;
  // A clean run still gets its (green) check run, so the pull request shows kmlint ran.

  const missing = !inputs.token ? 'no github-token was given' : missingContext(context);
  if (missing) return fallBack(`kmlint cannot create a check run: ${missing}.`, findings);
  try {
    const checkRun = await publishCheckRun(
      createChecksClient({
        token: inputs.token,
        baseUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        debug: (message) => core.debug(message),
        // Tests shorten both; on a runner the defaults apply.
        timeoutMs: envMilliseconds(process.env.KMLINT_GITHUB_TIMEOUT_MS, DEFAULT_TIMEOUT_MS),
        retry: { ...DEFAULT_RETRY, baseDelayMs: envMilliseconds(process.env.KMLINT_GITHUB_RETRY_DELAY_MS, DEFAULT_RETRY.baseDelayMs) },
      }),
      {
        name: CHECK_RUN_NAME,
        headSha: context.headSha,
        conclusion,
        title: describeCounts(countLevels(findings)),
        summary: checkRunSummary(),
        annotations: findings.map((f) => toCheckAnnotation(f, ruleSummaries.get(f.ruleId))),
      },
    );
    const where = checkRun.htmlUrl ? `[${CHECK_RUN_NAME}](${checkRun.htmlUrl})` : `\`${CHECK_RUN_NAME}\``;
    core.info(`kmlint annotated ${plural(findings.length, 'finding')} on the check run ${checkRun.htmlUrl ?? CHECK_RUN_NAME}.`);
    return findings.length > 0 ? `Every finding is annotated on the check run ${where}.` : `Check run: ${where}.`;
  } catch (error) {
    if (!(error instanceof CheckRunError)) throw error;
    const why = error.isPermissionDenied
      ? `the token cannot write checks (HTTP ${error.status}: ${error.message}); pull requests from forks get a read-only token; otherwise give the workflow \`permissions: checks: write\``
      : `the Checks API request failed (${error.status ? `HTTP ${error.status}: ` : ''}${error.message})`;
    // Findings already on the check run are not repeated as workflow commands.
    return fallBack(`kmlint cannot create a check run: ${why}.`, findings.slice(error.delivered));
  }
}

function fallBack(reason: string, findings: readonly Finding[]): string {
  // Said once, in the log and in the job summary; permissions never fail the step.
  core.info(`${reason} Falling back to workflow-command annotations.`);
  return `${reason} ${annotateWithWorkflowCommands(findings)}`;
}

function annotateWithWorkflowCommands(findings: readonly Finding[]): string {
  const omitted = emitWorkflowAnnotations(findings, { error: core.error, warning: core.warning, notice: core.notice });
  const note = `Findings are annotated with workflow commands; GitHub shows at most ${WORKFLOW_ANNOTATIONS_PER_LEVEL} per level`;
  if (omitted === 0) return `${note}.`;
  core.info(`${plural(omitted, 'finding')} not annotated (GitHub shows ${WORKFLOW_ANNOTATIONS_PER_LEVEL} annotations per level per step); the job summary and the SARIF file list every finding.`);
  return `${note}, so ${plural(omitted, 'finding')} appear only in the table below and in the SARIF file.`;
}

function missingContext(context: GitHubContext): string | undefined {
  if (!context.owner || !context.repo) return 'GITHUB_REPOSITORY is not set';
  if (!context.headSha) return 'GITHUB_SHA is not set';
  return undefined;
}

function usageError(message: string): void {
  core.error(message);
  process.exitCode = 2;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

run().catch((error: unknown) => {
  // One line for the log; a stack trace helps no reader of a pull request.
  core.error(`kmlint Action failed: ${messageOf(error)}`);
  process.exitCode = 2;
});
