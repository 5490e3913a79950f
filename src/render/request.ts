/** Flags and the `render:` configuration → the kustomizations and chart values sets to render. */
import path from 'node:path';
import { UsageError } from '../errors.js';
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

export interface RenderFlags {
  kustomize?: string[];
  helm?: string[];
  values?: string[];
  'values-set'?: string[];
  set?: string[];
  release?: string;
  namespace?: string;
  kubeVersion?: string;
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
