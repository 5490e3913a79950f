/** A lint run from the command line: inputs → engine → formatters → outputs and exit code. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '../config/find.js';
import { setupRun } from '../config/run-setup.js';
import { exitCode } from '../engine/exit-code.js';
import { decisionLines } from '../input/decision.js';
import { lint, type LintOptions, type LintRun } from '../run/lint.js';
import { renderRequest } from '../render/request.js';
import type { RunSetup } from '../config/run-setup.js';
import { shardFlag, writeShardReport } from '../shard/cli.js';
import { PRESETS } from '../engine/rule-settings.js';
import { rules } from '../rules/index.js';
import { LEVELS, type Finding } from '../types.js';
import { FindingSpool } from '../run/spool.js';
import { countFindings } from '../findings/counts.js';
import { closeReports, openReports, reportOutputs, writeReports } from './write-reports.js';
import { reportsForThread, startReportThread } from './report-thread.js';
import { visible } from '../redact/visible.js';
import { VERSION } from '../version.js';
import { oneOf, UsageError, type ParsedArgs } from './args.js';
import { outputTargets, type OutputTarget } from './outputs.js';
import { progressReporter } from './progress.js';
import { collectBeforeReports, heapGrowthLimiter } from './heap-growth.js';
import { heapLimitGuard } from './heap-limit.js';
import { useColor } from './color.js';
import { compareKubeVersions, NEWEST_KUBE_VERSION, normaliseKubeVersion, OLDEST_KUBE_VERSION } from '../engine/run-settings.js';
import { formatStats } from './stats.js';
import { cacheOptions, cacheSummary } from '../cache/options.js';
import { parseConcurrency } from '../run/parallel-options.js';

/** `--kube-version`: `1.29`, `v1.29.3`; within the versions the package knows. */
function kubeVersionFlag(text: string): string {
  const version = normaliseKubeVersion(text);
  if (!version) throw new UsageError(`--kube-version must look like 1.29; got "${text}".`);
  if (compareKubeVersions(version, OLDEST_KUBE_VERSION) < 0 || compareKubeVersions(version, NEWEST_KUBE_VERSION) > 0) {
    throw new UsageError(`--kube-version ${version} is outside the versions kmlint knows (${OLDEST_KUBE_VERSION} to ${NEWEST_KUBE_VERSION}).`);
  }
  return version;
}

/** `--schema-dir`: more CRDs and JSON schemas for schema-validation, added to what the configuration names. */
function withSchemaDirs(overrides: LintOptions['ruleOverrides'], dirs: readonly string[]): NonNullable<LintOptions['ruleOverrides']> {
  const merged = new Map(overrides ?? []);
  const current = merged.get('schema-validation');
  const options = (current?.options ?? {}) as { schemaDirs?: string[] };
  merged.set('schema-validation', { ...current, options: { ...options, schemaDirs: [...(options.schemaDirs ?? []), ...dirs] } });
  return merged;
}

/** Formats that read the source text: code frames, and byte columns for reviewdog. */
const NEEDS_SOURCES = new Set(['text', 'rdjson']);

type Values = ParsedArgs['values'];

/** Configuration file and flags → the run's setup (lint options, exit settings, baseline writing). */
export async function setupFromFlags(values: Values, cwd: string): Promise<RunSetup> {
  const failOn = values['fail-on'] === undefined ? undefined : oneOf('fail-on', values['fail-on'], LEVELS, 'error');
  if (values['no-config'] && values.config !== undefined) throw new UsageError('--config and --no-config contradict each other; give one.');
  return setupRun(
    {
      ...configFlags(values),
      failOn,
      maxWarnings: values['max-warnings'],
      requireReason: values['require-reason'],
      noInlineSuppressions: values['no-inline-suppressions'],
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
    },
    { cwd, rules },
  );
}

/** The flags that choose the configuration: worker threads rebuild its per-file stages from them. */
function configFlags(values: Values): NonNullable<LintOptions['configFlags']> {
  const presets = values.preset?.map((preset) => oneOf('preset', preset, PRESETS, 'recommended'));
  return { config: values.config, noConfig: values['no-config'], rules: values.rule, ...(presets ? { presets } : {}) };
}

export async function run(args: ParsedArgs): Promise<number> {
  const { values, positionals } = args;
  const shard = values.shard === undefined ? undefined : shardFlag(values);
  const targets = shard ? [] : outputTargets(values.format, values.output);
  const cwd = process.cwd();
  const setup = await setupFromFlags(values, cwd);
  if (values['print-config'] !== undefined) {
    process.stdout.write(await setup.printConfig(values['print-config']));
    return 0;
  }
  const kubeVersion = values['kube-version'] === undefined ? undefined : kubeVersionFlag(values['kube-version']);
  const render = renderRequest({ ...values, kubeVersion, render: values.render }, positionals, setup.render, cwd);
  if (positionals.length === 0 && !render) throw new UsageError('no paths given: name files, directories or globs, or - for standard input.');
  const progress = progressReporter(process.stderr);
  const limitHeapGrowth = heapGrowthLimiter();
  const guardHeap = heapLimitGuard();

  const options: LintOptions = {
    paths: positionals,
    cwd,
    ...setup.lint,
    ...(values['no-context'] ? { context: [] } : values.context ? { context: values.context } : {}),
    ...(kubeVersion ? { kubeVersion } : {}),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    complete: values.complete ?? false,
    stats: values.stats ?? false,
    stdinFilename: values['stdin-filename'],
    onProgress: (done, total) => {
      progress.update(done, total);
      limitHeapGrowth();
      guardHeap(() => `after ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files`);
    },
    // The checks across files, where a large run peaks, go on long after the last file.
    onCheckpoint: (where, coming) => {
      limitHeapGrowth(coming);
      guardHeap(where);
    },
    keepSources: targets.some((target) => NEEDS_SOURCES.has(target.format)),
    framesFromDisk: true,
    cache: cacheOptions(values, cwd, values['no-config'] ? undefined : values.config !== undefined ? path.resolve(cwd, values.config) : findConfigFile(cwd)),
    ...(shard ? { shard } : {}),
    ...(values.concurrency !== undefined ? { concurrency: parseConcurrency(values.concurrency), configFlags: configFlags(values) } : {}),
  };
  if (values['schema-dir']) options.ruleOverrides = withSchemaDirs(options.ruleOverrides, values['schema-dir']);
  // Findings wait on disk for the reports (worker threads send them here as the spool's lines); not where the
  // run's findings are rewritten afterwards as a whole (renders, --write-baseline), and shards keep their own.
  if (!render && !shard && values['write-baseline'] === undefined) {
    options.spool = new FindingSpool(spoolFrom());
  }
  // A cache's entries are loaded in one go (the last run's findings only by a replay): a run whose cache is
  // large is a large run from its start.
  if (options.cache) limitHeapGrowth(fileSize(options.cache.file));
  try {
    const result = render ? await (await import('../render/run.js')).lintWithRenders(options, render) : await lint(options);
    progress.done();
    if (shard) return writeShardReport(result, values.output);
    limitHeapGrowth();
    collectBeforeReports();
    return await report(result, { setup, values, targets, cwd });
  } finally {
    options.spool?.close();
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** How many findings stay in memory before the spool writes to disk; tests set it low to go through the disk. */
function spoolFrom(): number | undefined {
  const value = process.env.KMLINT_SPOOL_FROM;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The run-wide end of a run (baseline writing, notes, formats) and its exit code; `kmlint merge` ends the same way. */
export async function report(result: LintRun, context: { setup: RunSetup; values: Values; targets: OutputTarget[]; cwd: string }): Promise<number> {
  const { setup, values, targets, cwd } = context;
  result.notes.push(...(await setup.afterLint(result)));
  if (result.baseline && values['write-baseline'] === undefined) {
    const { file, matched, fixed } = result.baseline;
    result.notes.push(`baseline ${file}: ${matched} known finding${matched === 1 ? '' : 's'} hidden, ${fixed} entr${fixed === 1 ? 'y' : 'ies'} fixed since it was written`);
  }
  // ESLint's --quiet: only errors are reported, and only they can fail the run.
  if (values.quiet && result.spool) result.spool.view({ kind: 'errors-only' });
  else if (values.quiet) result.findings = result.findings.filter((finding) => finding.level === 'error');
  const findings: Iterable<Finding> = result.spool ?? result.findings;

  if (values.verbose) result.notes.unshift(...decisionLines(result.files));

  for (const note of result.notes) process.stderr.write(`kmlint: ${visible(note)}\n`);
  // Not a note: reports stay the same whether the cache served them or not.
  if (values.verbose && result.cache) process.stderr.write(`kmlint: cache: ${cacheSummary(result.cache, result.files.length)}\n`);
  if (result.stats) process.stderr.write(formatStats(result.stats));
  if (result.objects === 0 && !someFinding(findings, (finding) => finding.ruleId === 'yaml-syntax-error')) {
    process.stderr.write(`kmlint: no Kubernetes objects found in ${result.files.length} file${result.files.length === 1 ? '' : 's'} (documents without apiVersion and kind are skipped).\n`);
  }

  // The counts, which each report asks for, are taken first (the spool knows them, or remembers them after a
  // reading when a view applies), so that a reading for them is not the shared one.
  const counts = countFindings(findings);
  const fds = openReports(targets);
  const formatContext = {
    cwd,
    version: VERSION,
    rules: rules.map((rule) => rule.meta),
    codeFrame: !values['no-code-frame'],
    showSuppressed: values['show-suppressed'],
    sarifIncludeSuppressed: values['sarif-include-suppressed'],
  };
  const spool = result.spool;
  const moved = spool
    ? reportsForThread(targets, { findings: counts.error + counts.warning + counts.note + counts.suppressed, oneThread: values.concurrency === undefined || values.concurrency === '1', always: process.env.KMLINT_REPORT_THREAD === 'always' })
    : [];
  if (values.stats && moved.length > 0) process.stderr.write(`kmlint: reports in a second thread: ${moved.map((position) => targets[position]!.format).join(', ')}\n`);
  const thread = spool && moved.length > 0
    ? startReportThread({
        outputs: moved.map((position) => ({ format: targets[position]!.format, fd: fds[position]! })),
        result: { files: result.files, objects: result.objects, internalErrors: result.internalErrors, notes: result.notes, ...(result.baseline ? { baseline: result.baseline } : {}) },
        findings: spool.parts(),
        context: { ...formatContext, color: false },
      })
    : undefined;
  try {
    const sources = result.sourceTexts ?? result.sources;
    const here = targets.flatMap((target, position) => (moved.includes(position) ? [] : [{
      format: target.format,
      ...(fds[position] !== undefined ? { fd: fds[position] } : {}),
      context: { ...formatContext, sources, color: target.file !== undefined ? false : useColor(values, process.stdout) },
    }]));
    const outputs = await reportOutputs(here, result, findings, spool !== undefined);
    await writeReports(outputs);
    await thread?.done;
  } catch (error) {
    await thread?.stop();
    throw error;
  } finally {
    closeReports(fds);
  }
  return exitCode({ findings, internalErrors: result.internalErrors }, setup.exit);
}

function someFinding(findings: Iterable<Finding>, test: (finding: Finding) => boolean): boolean {
  for (const finding of findings) if (test(finding)) return true;
  return false;
}
