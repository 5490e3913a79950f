/** Flags and the `render:` configuration → the kustomizations and chart values sets to render. */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { statSync } from 'node:fs';
import type { RenderRequest } from './run.js';
import type { HelmTarget } from './targets.js';

/** One chart, rendered once per values set (a matrix), or once with its common values. */
export interface ChartSpec {
  /** Absolute path of the chart. */
  chart: string;
  release?: string;
  namespace?: string;
  kubeVersion?: string;
  /** Values files and `--set` values of every set. */
  values: string[];
  set: string[];
  valueSets: { name: string; values: string[]; set: string[] }[];
}

export function helmTargets(spec: ChartSpec): HelmTarget[] {
  const base = { kind: 'helm' as const, chart: spec.chart, release: spec.release, namespace: spec.namespace, kubeVersion: spec.kubeVersion };
  if (spec.valueSets.length === 0) return [{ ...base, values: spec.values, set: spec.set }];
  return spec.valueSets.map((valueSet) => ({ ...base, values: [...spec.values, ...valueSet.values], set: [...spec.set, ...valueSet.set], label: valueSet.name }));
}

/** The configuration's `render:` key, paths made absolute. */
export interface RenderConfig {
  walk: boolean;
  kustomize: string[];
  charts: ChartSpec[];
}

export interface RenderFlags {
  kustomize?: string[];
  helm?: string[];
  values?: string[];
  'values-set'?: string[];
  set?: string[];
  release?: string;
  namespace?: string;
  kubeVersion?: string;
  /** `--render`. */
  render?: boolean;
}

/** `--helm` charts with `--values`, `--values-set NAME=FILE[,FILE…]`, `--set`, `--release`; paths relative to cwd. */
export function chartsFromFlags(flags: RenderFlags, cwd: string): ChartSpec[] {
  const helmOnly = ['values', 'values-set', 'set', 'release'] as const;
  if (!flags.helm?.length) {
    const stray = helmOnly.find((name) => flags[name] !== undefined && flags[name]!.length > 0);
    if (stray) throw new UsageError(`--${stray} applies to charts rendered with --helm; give --helm CHART too.`);
    return [];
  }
  const valueSets = (flags['values-set'] ?? []).map((entry) => {
    const equals = entry.indexOf('=');
    const files = equals === -1 ? [] : entry.slice(equals + 1).split(',').filter(Boolean);
    if (equals <= 0 || files.length === 0) throw new UsageError(`--values-set must look like NAME=FILE[,FILE...]; got "${entry}".`);
    return { name: entry.slice(0, equals), values: files.map((file) => path.resolve(cwd, file)), set: [] };
  });
  for (const value of flags.set ?? []) {
    if (!/^[^=]+=/.test(value)) throw new UsageError(`--set must look like key=value; got "${value}".`);
  }
  return flags.helm.map((chart) => ({
    chart: path.resolve(cwd, chart),
    release: flags.release,
    namespace: flags.namespace,
    kubeVersion: flags.kubeVersion,
    values: (flags.values ?? []).map((file) => path.resolve(cwd, file)),
    set: flags.set ?? [],
    valueSets,
  }));
}

/** Flags (CLI or Action inputs) and the configuration → what to render; undefined when there is nothing to render. */
export function renderRequest(flags: RenderFlags, positionals: readonly string[], config: RenderConfig | undefined, cwd: string): RenderRequest | undefined {
  const withRun = (spec: ChartSpec): ChartSpec => ({ ...spec, namespace: spec.namespace ?? flags.namespace, kubeVersion: spec.kubeVersion ?? flags.kubeVersion });
  const request: RenderRequest = {
    kustomize: (flags.kustomize ?? []).map((dir) => path.resolve(cwd, dir)),
    helm: chartsFromFlags(flags, cwd).flatMap(helmTargets),
    configured: [...(config?.kustomize ?? []).map((dir) => ({ kind: 'kustomize' as const, dir })), ...(config?.charts ?? []).map(withRun).flatMap(helmTargets)],
    walk: flags.render ?? config?.walk ?? false,
  };
  if (request.kustomize.length === 0 && request.helm.length === 0 && request.configured!.length === 0 && !request.walk) return undefined;
  // Files named one by one, as pre-commit passes them: only what they feed is rendered again.
  request.onlyTouched = namedFilesOnly(positionals, cwd);
  return request;
}

function namedFilesOnly(inputs: readonly string[], cwd: string): boolean {
  return (
    inputs.length > 0 &&
    inputs.every((input) => {
      try {
        return statSync(path.resolve(cwd, input)).isFile();
      } catch {
        return false;
      }
    })
  );
}
