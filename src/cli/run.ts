/** A lint run from the command line: inputs → engine → formatter → output and exit code. */
import { writeFile } from 'node:fs/promises';
import { exitCode } from '../engine/exit-code.js';
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
  const failOn = oneOf('fail-on', values['fail-on'], LEVELS, 'error');
  const presets = (values.preset ?? ['recommended']).map((preset) => oneOf('preset', preset, PRESETS, 'recommended'));
  if (positionals.length === 0) throw new UsageError('no paths given: name files, directories or globs, or - for standard input.');
  const cwd = process.cwd();
  const progress = progressReporter(process.stderr);

  const result = await lint({
    paths: positionals,
    cwd,
    presets,
    stdinFilename: values['stdin-filename'],
    onProgress: progress.update,
    keepSources: format === 'text',
  });
  progress.done();

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
  });
  if (values.output) await writeFile(values.output, output);
  else process.stdout.write(output);
  return exitCode(result, { failOn });
}
