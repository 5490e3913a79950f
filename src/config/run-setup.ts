/** Command-line flags + config file → what lint() and exitCode() take, and the baseline to write afterwards. */
import path from 'node:path';
import type { Preset, Rule } from '../engine/define-rule.js';
import type { ExitCodeOptions } from '../engine/exit-code.js';
import type { LintOptions } from '../run/lint.js';
import { UsageError } from '../errors.js';
import { readBaseline, writeBaseline } from '../suppress/baseline.js';
import type { Level, LintResult } from '../types.js';
import { resolveRuleSettings, type RuleOverride } from '../engine/rule-settings.js';
import { displayPath } from '../input/display-path.js';
import { findConfigFile } from './find.js';
import type { ResolvedConfig } from './load.js';
import { optionLayersForFile, overrideStage, rulesEnabledOnlyByOverrides } from './overrides.js';
import { printConfig, type ConfigLayers } from './print-config.js';

export interface SuppressionFlags {
  config?: string;
  /** --no-config: no configuration file is read. */
  noConfig?: boolean;
  /** --rule values, applied over the config file's rules. */
  rules?: readonly string[];
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
  lint: Pick<LintOptions, 'presets' | 'ruleOverrides' | 'ignore' | 'extraWorkloads' | 'suppress' | 'findingStage' | 'ruleOptionsForFile'>;
  exit: ExitCodeOptions;
  /** The configuration's `render:` targets. */
  render?: ResolvedConfig['render'];
  /** Writes --write-baseline (the run then passes: today's findings are the baseline). Returns notes for stderr. */
  afterLint(result: LintResult): Promise<string[]>;
  /** --print-config: the resolved settings for one file, as JSON. */
  printConfig(file: string): Promise<string>;
}

export async function setupRun(flags: SuppressionFlags, context: { cwd: string; rules: readonly Rule[] }): Promise<RunSetup> {
  // ajv and the validator load only when there is a config file to check.
  const hasConfig = !flags.noConfig && (flags.config !== undefined || findConfigFile(context.cwd) !== undefined);
  const config = hasConfig ? await (await import('./load.js')).loadConfig({ cwd: context.cwd, configFile: flags.config, rules: context.rules }) : undefined;
  const maxWarnings = flags.maxWarnings !== undefined ? parseMaxWarnings(flags.maxWarnings) : config?.maxWarnings;
  const baselineFile = flags.baseline !== undefined ? path.resolve(context.cwd, flags.baseline) : config?.baseline;
  const display = (file: string): string => displayPath(context.cwd, file);

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
  const flagRules = flags.rules?.length ? (await import('./rule-flag.js')).parseRuleFlags(flags.rules, context.rules) : new Map<string, RuleOverride>();
  const ruleOverrides = mergeOverrides(config?.ruleOverrides, flagRules);
  if (ruleOverrides.size > 0) lint.ruleOverrides = ruleOverrides;
  if (config) {
    lint.ignore = config.ignore;
    lint.extraWorkloads = config.extraWorkloads;
  }
  if (config && config.overrides.length > 0) {
    const base = new Set(resolveRuleSettings(context.rules, presets ?? ['recommended'], ruleOverrides).keys());
    lint.ruleOverrides = new Map([...ruleOverrides, ...rulesEnabledOnlyByOverrides(config.overrides, base)]);
    lint.findingStage = overrideStage(config.overrides, base, { cwd: context.cwd, configDir: config.dir });
    if (config.overrides.some((override) => override.options)) {
      const where = { cwd: context.cwd, configDir: config.dir };
      lint.ruleOptionsForFile = (file) => optionLayersForFile(config.overrides, file, where);
    }
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
    render: config?.render,
    async printConfig(file) {
      const layers: ConfigLayers = {
        cwd: context.cwd,
        rules: context.rules,
        presets: { value: presets ?? ['recommended'], from: flags.presets ? '--preset' : config?.presets ? display(config.file) : 'default' },
        flagRules,
        failOn: { value: flags.failOn ?? config?.failOn ?? 'error', from: flags.failOn ? '--fail-on' : config?.failOn ? display(config.file) : 'default' },
      };
      if (config) layers.config = { display: display(config.file), dir: config.dir, rules: config.ruleOverrides, overrides: config.overrides };
      return printConfig(path.resolve(context.cwd, file), layers);
    },
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

/** --rule wins over the config file; options alone keep the config's level. */
function mergeOverrides(config: ReadonlyMap<string, RuleOverride> | undefined, flags: ReadonlyMap<string, RuleOverride>): Map<string, RuleOverride> {
  const merged = new Map(config);
  for (const [id, override] of flags) merged.set(id, { ...merged.get(id), ...override });
  return merged;
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number (0 or more); got "${value}".`);
  return Number(value);
}
