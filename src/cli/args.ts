/** Command-line flags → options. Unknown flags and bad values are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../config/suggest.js';
import { UsageError } from '../errors.js';

export { UsageError };

export const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  'stdin-filename': { type: 'string' },
  preset: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'print-config': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'require-reason': { type: 'boolean' },
  'no-inline-suppressions': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'sarif-include-suppressed': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'no-code-frame': { type: 'boolean' },
  context: { type: 'string', multiple: true },
  'no-context': { type: 'boolean' },
  'kube-version': { type: 'string' },
  'schema-dir': { type: 'string', multiple: true },
  namespace: { type: 'string', short: 'n' },
  complete: { type: 'boolean' },
  kustomize: { type: 'string', multiple: true },
  helm: { type: 'string', multiple: true },
  values: { type: 'string', multiple: true },
  'values-set': { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  release: { type: 'string' },
  render: { type: 'boolean' },
  stats: { type: 'boolean' },
  cache: { type: 'boolean' },
  shard: { type: 'string' },
  concurrency: { type: 'string' },
  'cache-location': { type: 'string' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Every spelling a user may type, for "did you mean" on a typo. */
const OPTION_NAMES = Object.entries(OPTIONS).flatMap(([name, option]) => ['short' in option ? `-${option.short}` : [], `--${name}`].flat());

export type ParsedArgs = ReturnType<typeof parseCommandLine>;

export function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    const unknown = /^Unknown option '(--?[^'=]+)'/.exec(message)?.[1];
    throw new UsageError(unknown ? `${message.replace(/\.$/, '')}${didYouMean(unknown, OPTION_NAMES)}.` : message);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
