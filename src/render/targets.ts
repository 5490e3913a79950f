/** What to render: kustomizations and charts named by flags or configuration, or found in a walk. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { KUSTOMIZATION_FILES } from './kustomize.js';

export interface KustomizeTarget {
  kind: 'kustomize';
  /** Absolute path of the kustomization's folder. */
  dir: string;
}

export interface HelmTarget {
  kind: 'helm';
  /** Absolute path of the chart's folder. */
  chart: string;
  release?: string;
  /** Absolute paths of values files, in helm's order (later files win). */
  values: string[];
  set: string[];
  namespace?: string;
  kubeVersion?: string;
  /** Name of the values set, when a chart is rendered with several. */
  label?: string;
}

export type RenderTarget = KustomizeTarget | HelmTarget;

export function kustomizationFile(dir: string): string | undefined {
  return KUSTOMIZATION_FILES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

/**
 * Folders a kustomization reads: its own, and those of the local bases and components it lists, recursively.
 * A file in any of them can change what the kustomization renders.
 */
export function kustomizationTree(dir: string, seen = new Set<string>()): Set<string> {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const file = kustomizationFile(dir);
  let spec: unknown;
  try {
    spec = file ? parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return seen;
  }
  if (!spec || typeof spec !== 'object') return seen;
  const { resources, bases, components } = spec as Record<string, unknown>;
  for (const entry of [resources, bases, components].flatMap((value) => (Array.isArray(value) ? value : []))) {
    if (typeof entry !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@')) continue;
    const target = path.resolve(dir, entry);
    if (kustomizationFile(target)) kustomizationTree(target, seen);
  }
  return seen;
}

export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The kustomizations and charts among walked files. A kustomization that another one of the walk uses (a base,
 * a component) is rendered through that one, not on its own: each finding is reported once per overlay.
 */
export function targetsAmong(files: readonly string[]): { kustomizations: string[]; charts: string[] } {
  const dirs = [...new Set(files.filter((file) => KUSTOMIZATION_FILES.includes(path.basename(file))).map((file) => path.dirname(file)))].sort();
  const used = new Set<string>();
  for (const dir of dirs) for (const inner of kustomizationTree(dir)) if (inner !== dir) used.add(inner);
  const charts = [...new Set(files.filter((file) => path.basename(file) === 'Chart.yaml').map((file) => path.dirname(file)))].sort();
  // Subcharts render with their parent.
  const topCharts = charts.filter((chart) => !charts.some((other) => other !== chart && isInside(chart, other)));
  return { kustomizations: dirs.filter((dir) => !used.has(dir) && !topCharts.some((chart) => isInside(dir, chart))), charts: topCharts };
}

/** The folders whose files a target reads. */
export function targetFolders(target: RenderTarget): string[] {
  return target.kind === 'kustomize' ? [...kustomizationTree(target.dir)] : [target.chart];
}
