/** A lint run from the command line: inputs → engine → formatters → outputs and exit code. */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setupRun } from '../config/run-setup.js';
import { exitCode } from '../engine/exit-code.js';
import { decisionLines } from '../input/decision.js';
import { lint } from '../run/lint.js';
import { PRESETS } from '../engine/rule-settings.js';
import { loadChunkFormatter } from '../formatters/index.js';
import { rules } from '../rules/index.js';
import { LEVELS } from '../types.js';
import { visible } from '../redact/visible.js';
import { VERSION } from '../version.js';
import { oneOf, UsageError, type ParsedArgs } from './args.js';
import { outputTargets } from './outputs.js';
import { progressReporter } from './progress.js';
import { useColor } from './color.js';
import { compareKubeVersions, NEWEST_KUBE_VERSION, normaliseKubeVersion, OLDEST_KUBE_VERSION } from '../engine/run-settings.js';
import { formatStats } from './stats.js';

/** `--kube-version`: `1.29`, `v1.29.3`; within the versions the package knows. */
function kubeVersionFlag(text: string): string {
  const version = normaliseKubeVersion(text);
  if (!version) throw new UsageError(`--kube-version must look like 1.29; got "${text}".`);
  if (compareKubeVersions(version, OLDEST_KUBE_VERSION) < 0 || compareKubeVersions(version, NEWEST_KUBE_VERSION) > 0) {
    throw new UsageError(`--kube-version ${version} is outside the versions kmlint knows (${OLDEST_KUBE_VERSION} to ${NEWEST_KUBE_VERSION}).`);
  }
  return version;
}

/** Formats that read the source text: code frames, and byte columns for reviewdog. */
const NEEDS_SOURCES = new Set(['text', 'rdjson']);

export async function run(args: ParsedArgs): Promise<number> {
  const { values, positionals } = args;
  const targets = outputTargets(values.format, values.output);
  const failOn = values['fail-on'] === undefined ? undefined : oneOf('fail-on', values['fail-on'], LEVELS, 'error');
  const presets = values.preset?.map((preset) => oneOf('preset', preset, PRESETS, 'recommended'));
  if (values['no-config'] && values.config !== undefined) throw new UsageError('--config and --no-config contradict each other; give one.');
  const cwd = process.cwd();
  const setup = await setupRun(
    {
      config: values.config,
      noConfig: values['no-config'],
      rules: values.rule,
      presets,
      failOn,
      maxWarnings: values['max-warnings'],
      requireReason: values['require-reason'],
      noInlineSuppressions: values['no-inline-suppressions'],
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
    },
    { cwd, rules },
  );
  if (values['print-config'] !== undefined) {
    process.stdout.write(await setup.printConfig(values['print-config']));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no paths given: name files, directories or globs, or - for standard input.');
  const progress = progressReporter(process.stderr);

  const kubeVersion = values['kube-version'] === undefined ? undefined : kubeVersionFlag(values['kube-version']);
  const result = await lint({
    paths: positionals,
    cwd,
    ...setup.lint,
    ...(values['no-context'] ? { context: [] } : values.context ? { context: values.context } : {}),
    ...(kubeVersion ? { kubeVersion } : {}),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    complete: values.complete ?? false,
    stats: values.stats ?? false,
    stdinFilename: values['stdin-filename'],
    onProgress: progress.update,
    keepSources: targets.some((target) => NEEDS_SOURCES.has(target.format)),
  });
  progress.done();
  result.notes.push(...(await setup.afterLint(result)));
  if (result.baseline && values['write-baseline'] === undefined) {
    const { file, matched, fixed } = result.baseline;
    result.notes.push(`baseline ${file}: ${matched} known finding${matched === 1 ? '' : 's'} hidden, ${fixed} entr${fixed === 1 ? 'y' : 'ies'} fixed since it was written`);
  }
  // ESLint's --quiet: only errors are reported, and only they can fail the run.
  if (values.quiet) result.findings = result.findings.filter((finding) => finding.level === 'error');

  if (values.verbose) result.notes.unshift(...decisionLines(result.files));
  for (const note of result.notes) process.stderr.write(`kmlint: ${visible(note)}\n`);
  if (result.stats) process.stderr.write(formatStats(result.stats));
  if (result.objects === 0 && !result.findings.some((finding) => finding.ruleId === 'yaml-syntax-error')) {
    process.stderr.write(`kmlint: no Kubernetes objects found in ${result.files.length} file${result.files.length === 1 ? '' : 's'} (documents without apiVersion and kind are skipped).\n`);
  }

  for (const target of targets) {
    const formatter = await loadChunkFormatter(target.format);
    const chunks = formatter(result, {
      cwd,
      version: VERSION,
      rules: rules.map((rule) => rule.meta),
      sources: result.sources,
      codeFrame: !values['no-code-frame'],
      color: target.file !== undefined ? false : useColor(values, process.stdout),
      showSuppressed: values['show-suppressed'],
      sarifIncludeSuppressed: values['sarif-include-suppressed'],
    });
    await writeChunks(chunks, target.file);
  }
  return exitCode(result, setup.exit);
}

/** Pieces smaller than this are joined before writing, so a million findings are not a million writes. */
const WRITE_BATCH = 1 << 16;

/** Writes a report as it is produced, waiting when the file or pipe is behind: no whole-report string. */
async function writeChunks(chunks: Iterable<string>, file: string | undefined): Promise<void> {
  function* batched(): Generator<string> {
    let batch = '';
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= WRITE_BATCH) {
        yield batch;
        batch = '';
      }
    }
    if (batch !== '') yield batch;
  }
  const source = Readable.from(batched(), { objectMode: false });
  if (file !== undefined) await pipeline(source, createWriteStream(file));
  else await pipeline(source, process.stdout, { end: false });
}
