/** `--kustomize`, `--helm` and friends, `--render`, and the configuration's `render:` → what to render, if anything. */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { chartsFromFlags, helmTargets, type ChartSpec } from '../render/request.js';
import type { RenderRequest } from '../render/run.js';
import type { ParsedArgs } from './args.js';

export function renderRequest(values: ParsedArgs['values'], positionals: readonly string[], config: ResolvedConfig['render'], cwd: string, kubeVersion: string | undefined): RenderRequest | undefined {
  const namespace = values.namespace;
  const withRun = (spec: ChartSpec): ChartSpec => ({ ...spec, namespace: spec.namespace ?? namespace, kubeVersion: spec.kubeVersion ?? kubeVersion });
  const charts = chartsFromFlags({ ...values, namespace, kubeVersion }, cwd);
  const request: RenderRequest = {
    kustomize: (values.kustomize ?? []).map((dir) => path.resolve(cwd, dir)),
    helm: charts.flatMap(helmTargets),
    configured: [...(config?.kustomize ?? []).map((dir) => ({ kind: 'kustomize' as const, dir })), ...(config?.charts ?? []).map(withRun).flatMap(helmTargets)],
    walk: values.render ?? config?.walk ?? false,
  };
  if (request.kustomize.length === 0 && request.helm.length === 0 && request.configured!.length === 0 && !request.walk) return undefined;
  // Files named one by one, as pre-commit passes them: only what they feed is rendered again.
  request.onlyTouched = values.render !== undefined || config !== undefined ? namedFilesOnly(positionals, cwd) : false;
  return request;
}

function namedFilesOnly(inputs: readonly string[], cwd: string): boolean {
  return inputs.length > 0 && inputs.every((input) => {
    try {
      return statSync(path.resolve(cwd, input)).isFile();
    } catch {
      return false;
    }
  });
}
