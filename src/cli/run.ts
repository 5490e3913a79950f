/** A lint run from the command line: inputs → engine → formatters → outputs and exit code. */
import { writeFile } from 'node:fs/promises';
import { setupRun } from '../config/run-setup.js';
import { exitCode } from '../engine/exit-code.js';
import { lint } from '../engine/lint.js';
import { PRESETS } from '../engine/rule-settings.js';
import { loadFormatter } from '../formatters/index.js';
import { rules } from '../rules/index.js';
import { LEVELS } from '../types.js';
import { VERSION } from '../version.js';
import { oneOf, UsageError, type ParsedArgs } from './args.js';
import { outputTargets } from './outputs.js';
import { progressReporter } from './progress.js';
import { useColor } from './color.js';

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

  const result = await lint({
    paths: positionals,
    cwd,
    ...setup.lint,
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

  for (const note of result.notes) process.stderr.write(`kmlint: ${note}\n`);
  if (result.objects === 0 && !result.findings.some((finding) => finding.ruleId === 'yaml-syntax-error')) {
    process.stderr.write(`kmlint: no Kubernetes objects found in ${result.files.length} file${result.files.length === 1 ? '' : 's'} (documents without apiVersion and kind are skipped).\n`);
  }

  for (const target of targets) {
    const formatter = await loadFormatter(target.format);
    const output = formatter(result, {
      cwd,
      version: VERSION,
      rules: rules.map((rule) => rule.meta),
      sources: result.sources,
      codeFrame: !values['no-code-frame'],
      color: target.file !== undefined ? false : useColor(values, process.stdout),
      showSuppressed: values['show-suppressed'],
      sarifIncludeSuppressed: values['sarif-include-suppressed'],
    });
    if (target.file !== undefined) await writeFile(target.file, output);
    else process.stdout.write(output);
  }
  return exitCode(result, setup.exit);
}
