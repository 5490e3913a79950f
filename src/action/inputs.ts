/** The Action's inputs, read and validated once (the runner passes them as INPUT_<NAME>, hyphens kept). */
import type { Preset } from '../engine/define-rule.js';
import { PRESETS } from '../engine/rule-settings.js';
import type { RenderFlags } from '../render/request.js';
import type { Level } from '../types.js';
import { parseShard, type Shard } from '../shard/assign.js';

export type AnnotateMode = 'check-run' | 'workflow-commands' | 'none';
export type FailOn = Level | 'none';

export interface ActionInputs {
  paths: string[];
  configFile?: string;
  /** Empty: the engine's default (recommended). */
  presets: Preset[];
  /** Undefined: the configuration's failOn, else error. */
  failOn?: FailOn;
  /** Empty means: do not write SARIF. */
  sarifFile: string;
  annotate: AnnotateMode;
  baseline?: string;
  token: string;
  /** Kustomizations and charts to render (`render`, `kustomize`, `helm`, `values`, `set`). */
  render: RenderFlags;
  /** A matrix job: lint this shard and write its report, for a later merge step. */
  shard?: Shard & { report: string };
  /** A merge step: the shard reports (files or folders) to combine instead of linting. */
  merge: string[];
}

/** Thrown for a bad input value; the Action reports it and exits 2 like the CLI's usage errors. */
export class InputError extends Error {}

const ANNOTATE_MODES: readonly AnnotateMode[] = ['check-run', 'workflow-commands', 'none'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'none'];

export function readInputs(getInput: (name: string) => string): ActionInputs {
  const paths = words(getInput('path'), /\s+/);
  const configFile = getInput('config');
  const baseline = getInput('baseline');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    configFile: configFile || undefined,
    presets: words(getInput('preset'), /[\s,]+/).map((preset) => oneOf('preset', preset, PRESETS)),
    failOn: getInput('fail-on') ? oneOf('fail-on', getInput('fail-on'), FAIL_ON) : undefined,
    sarifFile: getInput('sarif-file'),
    annotate: oneOf('annotate', getInput('annotate') || 'check-run', ANNOTATE_MODES),
    baseline: baseline || undefined,
    token: getInput('github-token'),
    render: {
      render: getInput('render') ? oneOf('render', getInput('render'), ['true', 'false']) === 'true' : undefined,
      kustomize: words(getInput('kustomize'), /\s+/),
      helm: words(getInput('helm'), /\s+/),
      values: words(getInput('values'), /\s+/),
      set: words(getInput('set'), /\n+/).map((line) => line.trim()),
    },
    ...shardInputs(getInput),
  };
}

function shardInputs(getInput: (name: string) => string): Pick<ActionInputs, 'shard' | 'merge'> {
  const merge = words(getInput('merge'), /\s+/);
  const [index, count] = [getInput('shard'), getInput('shards')];
  if (!index && !count) return { merge };
  if (!index || !count) throw new InputError("Inputs 'shard' and 'shards' go together: 'shard' is this job's number (1 to 'shards').");
  if (merge.length > 0) throw new InputError("Input 'merge' is for the step after the shards; a shard job sets 'shard' and 'shards' only.");
  let shard: Shard;
  try {
    shard = parseShard(`${index}/${count}`);
  } catch {
    throw new InputError(`Inputs 'shard' and 'shards' must be whole numbers with 1 <= shard <= shards; got '${index}' and '${count}'.`);
  }
  return { merge, shard: { ...shard, report: getInput('shard-report') || `kmlint-shard-${shard.index}.json` } };
}

/** Several values in one input, one per line or separated by spaces, like a shell argument list. */
function words(value: string, separator: RegExp): string[] {
  return value.split(separator).filter((word) => word !== '');
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got '${value}'.`);
}
