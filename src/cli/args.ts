/** Command-line flags → options. Unknown flags and bad values are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

export { UsageError };

export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'stdin-filename': { type: 'string' },
  preset: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'require-reason': { type: 'boolean' },
  'no-inline-suppressions': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'sarif-include-suppressed': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'no-code-frame': { type: 'boolean' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export type ParsedArgs = ReturnType<typeof parseCommandLine>;

export function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
