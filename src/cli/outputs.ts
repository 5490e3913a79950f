/** `--format name[=file]`, repeatable, and `--output`: which report goes where. One of them may use standard output. */
import path from 'node:path';
import { didYouMean } from '../config/suggest.js';
import { FORMATS, isFormatName, type FormatName } from '../formatters/index.js';
import { UsageError } from './args.js';

export interface OutputTarget {
  format: FormatName;
  /** Undefined: standard output. */
  file?: string;
}

export function outputTargets(formats: readonly string[] | undefined, output: string | undefined): OutputTarget[] {
  const targets = (formats?.length ? formats : ['text']).map((spec): OutputTarget => {
    const equals = spec.indexOf('=');
    const name = equals === -1 ? spec : spec.slice(0, equals);
    const file = equals === -1 ? undefined : spec.slice(equals + 1);
    if (!isFormatName(name)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${name}"${didYouMean(name, FORMATS)}.`);
    if (file === '') throw new UsageError(`--format ${name}= needs a file name after "=".`);
    return file === undefined ? { format: name } : { format: name, file };
  });
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`only one format can write to standard output; give the others a file: --format ${toStdout[1]!.format}=FILE.`);
  }
  if (output !== undefined) {
    if (toStdout.length === 0) throw new UsageError('--output has no format to write: every --format already names its file.');
    toStdout[0]!.file = output;
  }
  // Reports are written side by side: two into one file would interleave.
  const byFile = new Map<string, FormatName>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    const other = byFile.get(path.resolve(target.file));
    if (other !== undefined) throw new UsageError(`--format ${other} and --format ${target.format} both write to ${target.file}; give each report its own file.`);
    byFile.set(path.resolve(target.file), target.format);
  }
  return targets;
}
