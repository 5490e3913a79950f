/** The Action's inputs, read and validated once (the runner passes them as INPUT_<NAME>, hyphens kept). */
import type { Level } from '../types.js';

export type AnnotateMode = 'check-run' | 'workflow-commands' | 'none';
export type FailOn = Level | 'none';
export type PresetInput = 'recommended' | 'all';

export interface ActionInputs {
  paths: string[];
  configFile?: string;
  preset?: PresetInput;
  failOn: FailOn;
  /** Empty means: do not write SARIF. */
  sarifFile: string;
  annotate: AnnotateMode;
  baseline?: string;
  token: string;
}

/** Thrown for a bad input value; the Action reports it and exits 2 like the CLI's usage errors. */
export class InputError extends Error {}

const ANNOTATE_MODES: readonly AnnotateMode[] = ['check-run', 'workflow-commands', 'none'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'none'];
const PRESETS: readonly PresetInput[] = ['recommended', 'all'];

export function readInputs(getInput: (name: string) => string): ActionInputs {
  // `path` takes several paths, one per line or separated by spaces, like a shell argument list.
  const paths = getInput('path')
    .split(/\s+/)
    .filter((p) => p !== '');
  const configFile = getInput('config');
  const baseline = getInput('baseline');
  const preset = getInput('preset');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    configFile: configFile || undefined,
    preset: preset ? oneOf('preset', preset, PRESETS) : undefined,
    failOn: oneOf('fail-on', getInput('fail-on') || 'error', FAIL_ON),
    sarifFile: getInput('sarif-file'),
    annotate: oneOf('annotate', getInput('annotate') || 'check-run', ANNOTATE_MODES),
    baseline: baseline || undefined,
    token: getInput('github-token'),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got '${value}'.`);
}
