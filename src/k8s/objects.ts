/** Documents → Kubernetes objects: apiVersion and kind make an object; `*List` kinds yield their items. */
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { Path } from '../types.js';
import type { JsonValue, K8sObject } from './model.js';
import { buildPodView, isObject } from './pod-view.js';
import { workloadOf, type WorkloadKind } from './workloads.js';

export interface ObjectOptions {
  extraWorkloads?: readonly WorkloadKind[];
  /** Freeze the views (the rule tester does): a rule that mutates them then throws. */
  freeze?: boolean;
}

export function objectsOf(value: JsonValue, options: ObjectOptions = {}): K8sObject[] {
  const extraWorkloads = options.extraWorkloads ?? [];
  if (!isObject(value)) return [];
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    const objects: K8sObject[] = [];
    value.items.forEach((item, index) => {
      const object = isObject(item) ? objectOf(item, ['items', index], extraWorkloads) : undefined;
      if (object) objects.push(object);
    });
    return options.freeze ? objects.map(deepFreeze) : objects;
  }
  const object = objectOf(value, [], extraWorkloads);
  if (!object) return [];
  return [options.freeze ? deepFreeze(object) : object];
}

function objectOf(value: { [key: string]: JsonValue }, path: Path, extraWorkloads: readonly WorkloadKind[]): K8sObject | undefined {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  const workload = workloadOf(apiVersion, kind, extraWorkloads);
  return {
    apiVersion,
    kind,
    name: typeof metadata?.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata?.namespace === 'string' ? metadata.namespace : undefined,
    value,
    path,
    metadata: metadata as ObjectMeta | undefined,
    pod: workload ? buildPodView(value, path, workload) : undefined,
  };
}

/** Rules share one view; freezing makes a rule that mutates it fail loudly instead of corrupting others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
