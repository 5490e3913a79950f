/**
 * Reads, validates and resolves the config file into what lint() takes. Parsed with `yaml` (JSON is YAML)
 * so every error has a line and column in the config file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Preset, Rule } from '../engine/define-rule.js';
import type { RuleOverride } from '../engine/rule-settings.js';
import { displayPath } from '../input/display-path.js';
import { parseFieldPath, type WorkloadKind } from '../k8s/workloads.js';
import type { RenderConfig } from '../render/request.js';
import type { Exemption } from '../suppress/exemptions.js';
import type { Level, Path, Region } from '../types.js';
import { plainYamlMessage } from '../yaml/parse.js';
import { findConfigFile } from './find.js';
import type { Override } from './overrides.js';
import { ConfigError, type ConfigProblem } from './problems.js';
import { validateConfig } from './validate.js';

export interface ResolvedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** The config file's folder: `ignore`, exemption paths and `baseline` are relative to it. */
  dir: string;
  presets?: Preset[];
  ruleOverrides: Map<string, RuleOverride>;
  /** gitignore-style globs, relative to the working directory (as discover() wants them). */
  ignore: string[];
  exemptions: Exemption[];
  extraWorkloads: WorkloadKind[];
  failOn?: Level;
  maxWarnings?: number;
  strict: string[];
  requireReason?: boolean;
  /** Absolute path of the baseline file. */
  baseline?: string;
  overrides: Override[];
  /** Targets to render, paths absolute. */
  render?: RenderConfig;
}

interface RawChart {
  chart: string;
  release?: string;
  namespace?: string;
  kubeVersion?: string;
  values?: string[];
  set?: string[];
  valueSets?: { name: string; values?: string[]; set?: string[] }[];
}

interface RawConfig {
  extends?: Preset[];
  rules?: Record<string, string | [string, Record<string, unknown>?]>;
  ignore?: string[];
  exemptions?: (Omit<Exemption, 'origin' | 'rules'> & { rules?: string[] })[];
  workloads?: { kind: string; group?: string; podSpec: string; podMetadata?: string }[];
  failOn?: Level;
  maxWarnings?: number;
  strict?: string[];
  requireReason?: boolean;
  baseline?: string;
  overrides?: RawOverride[];
  render?: { walk?: boolean; kustomize?: string[]; helm?: RawChart[] };
}

type RawOverride = Omit<Override, 'origin' | 'rules' | 'options'> & { rules: Record<string, Level | 'off' | [Level | 'off', Record<string, unknown>?]> };

/** `--config FILE`, else the nearest config file walking up from cwd; undefined when there is none. */
export async function loadConfig(options: { cwd: string; configFile?: string; rules: readonly Rule[] }): Promise<ResolvedConfig | undefined> {
  const file = options.configFile !== undefined ? path.resolve(options.cwd, options.configFile) : findConfigFile(options.cwd);
  if (file === undefined) return undefined;
  const display = displayPath(options.cwd, file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([{ file: display, line: 1, column: 1, message: code === 'ENOENT' ? 'no such config file' : `cannot read the config file (${code})` }]);
  }
  return parseConfig(text, { file, display, cwd: options.cwd, rules: options.rules });
}

export function parseConfig(text: string, options: { file: string; display: string; cwd: string; rules: readonly Rule[] }): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { file: options.display, line, column: col, message: plainYamlMessage(error.message) };
  });
  if (problems.length > 0) throw new ConfigError(problems);
  const value = (doc.toJS() ?? {}) as unknown;
  problems.push(...validateConfig(value, doc, lineCounter, options.display, options.rules));
  if (problems.length > 0) throw new ConfigError(problems);
  return resolve(value as RawConfig, doc, lineCounter, options);
}

function resolve(raw: RawConfig, doc: Document.Parsed, lineCounter: LineCounter, options: { file: string; display: string; cwd: string }): ResolvedConfig {
  const dir = path.dirname(options.file);
  const ruleOverrides = new Map<string, RuleOverride>();
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    const [level, ruleOptions] = typeof entry === 'string' ? [entry] : entry;
    const override: RuleOverride = { level: level as RuleOverride['level'] };
    if (ruleOptions) override.options = ruleOptions;
    ruleOverrides.set(id, override);
  }
  const exemptions: Exemption[] = (raw.exemptions ?? []).map((item, index) => ({
    ...item,
    rules: item.rules ?? [],
    origin: { file: options.display, region: regionOf(doc, lineCounter, ['exemptions', index]) },
  }));
  const extraWorkloads: WorkloadKind[] = (raw.workloads ?? []).map((workload) => {
    const spec = parseFieldPath(workload.podSpec);
    const metadata = workload.podMetadata ? parseFieldPath(workload.podMetadata) : [...spec.slice(0, -1), 'metadata'];
    const entry: WorkloadKind = { kind: workload.kind, pods: [{ spec, metadata }] };
    if (workload.group !== undefined) entry.group = workload.group;
    return entry;
  });
  const config: ResolvedConfig = {
    file: options.file,
    dir,
    ruleOverrides,
    ignore: rebaseIgnore(raw.ignore ?? [], dir, path.resolve(options.cwd)),
    exemptions,
    extraWorkloads,
    strict: raw.strict ?? [],
    overrides: (raw.overrides ?? []).map((item, index) => overrideOf(item, index, doc, lineCounter, options.display)),
  };
  if (raw.extends) config.presets = raw.extends;
  if (raw.failOn) config.failOn = raw.failOn;
  if (raw.maxWarnings !== undefined) config.maxWarnings = raw.maxWarnings;
  if (raw.requireReason !== undefined) config.requireReason = raw.requireReason;
  if (raw.baseline) config.baseline = path.resolve(dir, raw.baseline);
  if (raw.render) config.render = resolveRender(raw.render, dir);
  return config;
}

function resolveRender(raw: NonNullable<RawConfig['render']>, dir: string): RenderConfig {
  const from = (file: string): string => path.resolve(dir, file);
  return {
    walk: raw.walk ?? false,
    kustomize: (raw.kustomize ?? []).map(from),
    charts: (raw.helm ?? []).map((chart) => ({
      chart: from(chart.chart),
      release: chart.release,
      namespace: chart.namespace,
      kubeVersion: chart.kubeVersion,
      values: (chart.values ?? []).map(from),
      set: chart.set ?? [],
      valueSets: (chart.valueSets ?? []).map((valueSet) => ({ name: valueSet.name, values: (valueSet.values ?? []).map(from), set: valueSet.set ?? [] })),
    })),
  };
}

/**
 * Config globs are relative to the config file; discover() reads them relative to the working directory.
 * Unanchored patterns (`*.tpl.yaml`) match at any depth and stay as they are.
 */
export function rebaseIgnore(patterns: readonly string[], configDir: string, cwd: string): string[] {
  const fromConfig = path.relative(configDir, cwd).split(path.sep).join('/');
  if (fromConfig === '') return [...patterns];
  const result: string[] = [];
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    const anchored = body.replace(/\/$/, '').includes('/');
    if (!anchored) {
      result.push(pattern);
      continue;
    }
    const relative = body.replace(/^\//, '');
    let rebased: string | undefined;
    if (fromConfig.startsWith('..')) {
      // The config file lives below the working directory: prefix its folder.
      rebased = `${path.relative(cwd, configDir).split(path.sep).join('/')}/${relative}`;
    } else if (relative.startsWith(`${fromConfig}/`)) {
      rebased = relative.slice(fromConfig.length + 1);
    } else if (relative.startsWith('**/')) {
      rebased = relative;
    }
    // Patterns anchored outside the working directory cannot match anything linted from here.
    if (rebased !== undefined) result.push(`${negated ? '!' : ''}/${rebased}`);
  }
  return result;
}

/** An `overrides` entry: `[level, options]` split into its level and its options. */
function overrideOf(item: RawOverride, index: number, doc: Document.Parsed, lineCounter: LineCounter, display: string): Override {
  const { startLine, startColumn } = regionOf(doc, lineCounter, ['overrides', index]);
  const override: Override = { ...item, rules: {}, origin: `${display}:${startLine}:${startColumn}` };
  for (const [id, value] of Object.entries(item.rules)) {
    if (!Array.isArray(value)) {
      override.rules[id] = value;
      continue;
    }
    override.rules[id] = value[0];
    if (value[1] !== undefined) (override.options ??= {})[id] = value[1];
  }
  return override;
}

function regionOf(doc: Document.Parsed, lineCounter: LineCounter, path: Path): Region {
  const node = doc.getIn(path, true);
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const start = lineCounter.linePos(offset);
  return { startLine: start.line, startColumn: start.col, endLine: start.line, endColumn: start.col + 1 };
}

