/** Command-line flags + config file → what lint() and exitCode() take, and the baseline to write afterwards. */
import path from 'node:path';
import type { Preset, Rule } from '../engine/define-rule.js';
import type { ExitCodeOptions } from '../engine/exit-code.js';
import type { LintOptions } from '../run/lint.js';
import { UsageError } from '../errors.js';
import { readBaseline, writeBaseline } from '../suppress/baseline.js';
import type { Level, LintResult } from '../types.js';
import { findConfigFile } from './find.js';

export interface SuppressionFlags {
  config?: string;
  /** Only when given on the command line: they then win over the config's `extends`. */
  presets?: Preset[];
  failOn?: Level;
  maxWarnings?: string;
  requireReason?: boolean;
  noInlineSuppressions?: boolean;
  baseline?: string;
  writeBaseline?: string;
}

export interface RunSetup {
  lint: Pick<LintOptions, 'presets' | 'ruleOverrides' | 'ignore' | 'extraWorkloads' | 'suppress'>;
  exit: ExitCodeOptions;
  /** Writes --write-baseline (the run then passes: today's findings are the baseline). Returns notes for stderr. */
  afterLint(result: LintResult): Promise<string[]>;
}

export async function setupRun(flags: SuppressionFlags, context: { cwd: string; rules: readonly Rule[] }): Promise<RunSetup> {
  // ajv and the validator load only when there is a config file to check.
  const hasConfig = flags.config !== undefined || findConfigFile(context.cwd) !== undefined;
  const config = hasConfig ? await (await import('./load.js')).loadConfig({ cwd: context.cwd, configFile: flags.config, rules: context.rules }) : undefined;
  const maxWarnings = flags.maxWarnings !== undefined ? parseMaxWarnings(flags.maxWarnings) : config?.maxWarnings;
  const baselineFile = flags.baseline !== undefined ? path.resolve(context.cwd, flags.baseline) : config?.baseline;
  const display = (file: string): string => path.relative(context.cwd, file).split(path.sep).join('/') || path.basename(file);

  const lint: RunSetup['lint'] = {
    suppress: {
      exemptions: config?.exemptions ?? [],
      configDir: config?.dir ?? context.cwd,
      strict: config?.strict ?? [],
      noInlineSuppressions: flags.noInlineSuppressions ?? false,
      requireReason: flags.requireReason ?? config?.requireReason ?? false,
    },
  };
  const presets = flags.presets ?? config?.presets;
  if (presets) lint.presets = presets;
  if (config) {
    lint.ruleOverrides = config.ruleOverrides;
    lint.ignore = config.ignore;
    lint.extraWorkloads = config.extraWorkloads;
  }
  // Writing a baseline from scratch must not need the old one to exist; updating one reads it first.
  if (baselineFile !== undefined && !(flags.writeBaseline !== undefined && flags.baseline === undefined)) {
    lint.suppress!.baseline = { file: display(baselineFile), baseline: await readBaseline(baselineFile) };
  }
  const exit: ExitCodeOptions = { failOn: flags.failOn ?? config?.failOn ?? 'error' };
  if (maxWarnings !== undefined) exit.maxWarnings = maxWarnings;

  return {
    lint,
    exit,
    async afterLint(result) {
      if (flags.writeBaseline === undefined) return [];
      const file = path.resolve(context.cwd, flags.writeBaseline);
      // Findings hidden by a comment, annotation or exemption stay out: they have their own reason.
      const recorded = result.findings.filter((finding) => !finding.suppression || finding.suppression.source === 'baseline');
      const count = await writeBaseline(file, recorded);
      for (const finding of recorded) finding.suppression ??= { source: 'baseline', at: display(file) };
      const fixed = result.baseline?.fixed ?? 0;
      result.baseline = { file: display(file), entries: count, matched: count, fixed };
      return [`wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${display(file)}; later runs with --baseline ${display(file)} report only new ones`];
    },
  };
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number (0 or more); got "${value}".`);
  return Number(value);
}
