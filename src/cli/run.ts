/** A lint run from the command line: inputs → engine → formatter → output and exit code. */
import { writeFile } from 'node:fs/promises';
import { setupRun } from '../config/run-setup.js';
import { exitCode } from '../engine/exit-code.js';
import { decisionLines } from '../input/decision.js';
import { lint } from '../engine/lint.js';
import { PRESETS } from '../engine/rule-settings.js';
import { FORMATS, loadFormatter } from '../formatters/index.js';
import { rules } from '../rules/index.js';
import { LEVELS } from '../types.js';
import { VERSION } from '../version.js';
import { oneOf, UsageError, type ParsedArgs } from './args.js';
import { progressReporter } from './progress.js';
import { useColor } from './color.js';

export async function run(args: ParsedArgs): Promise<number> {
  const { values, positionals } = args;
  const format = oneOf('format', values.format, FORMATS, 'text');
  const failOn = values['fail-on'] === undefined ? undefined : oneOf('fail-on', values['fail-on'], LEVELS, 'error');
  const presets = values.preset?.map((preset) => oneOf('preset', preset, PRESETS, 'recommended'));
  if (positionals.length === 0) throw new UsageError('no paths given: name files, directories or globs, or - for standard input.');
  const cwd = process.cwd();
  const setup = await setupRun(
    {
      config: values.config,
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
  const progress = progressReporter(process.stderr);

  const result = await lint({
    paths: positionals,
    cwd,
    ...setup.lint,
    stdinFilename: values['stdin-filename'],
    onProgress: progress.update,
    keepSources: format === 'text',
  });
  progress.done();
  result.notes.push(...(await setup.afterLint(result)));
  if (result.baseline && values['write-baseline'] === undefined) {
    const { file, matched, fixed } = result.baseline;
    result.notes.push(`baseline ${file}: ${matched} known finding${matched === 1 ? '' : 's'} hidden, ${fixed} entr${fixed === 1 ? 'y' : 'ies'} fixed since it was written`);
  }

  if (values.verbose) result.notes.unshift(...decisionLines(result.files));
  for (const note of result.notes) process.stderr.write(`kmlint: ${note}\n`);
  if (result.objects === 0 && !result.findings.some((finding) => finding.ruleId === 'yaml-syntax-error')) {
    process.stderr.write(`kmlint: no Kubernetes objects found in ${result.files.length} file${result.files.length === 1 ? '' : 's'} (documents without apiVersion and kind are skipped).\n`);
  }

  const formatter = await loadFormatter(format);
  const output = formatter(result, {
    cwd,
    version: VERSION,
    rules: rules.map((rule) => rule.meta),
    sources: result.sources,
    codeFrame: !values['no-code-frame'],
    color: values.output ? false : useColor(values, process.stdout),
    showSuppressed: values['show-suppressed'],
    sarifIncludeSuppressed: values['sarif-include-suppressed'],
  });
  if (values.output) await writeFile(values.output, output);
  else process.stdout.write(output);
  return exitCode(result, setup.exit);
}
