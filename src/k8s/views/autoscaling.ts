/** HorizontalPodAutoscaler targets over the index: which object an HPA scales, which HPAs scale an object. */
import { isObject, isString } from '../json.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../object-index.js';
import { append } from '../multimap.js';
import { groupOf } from '../workloads.js';

export interface ScaleTarget {
  kind: string;
  name: string;
  /** API group of the target's apiVersion ('' for the core group); undefined when it names none. */
  group?: string;
}

export function scaleTargetOf(hpa: { value: IndexedObject['value'] }): ScaleTarget | undefined {
  const spec = hpa.value.spec;
  const ref = isObject(spec) ? spec.scaleTargetRef : undefined;
  if (!isObject(ref) || !isString(ref.kind) || !isString(ref.name)) return undefined;
  const target: ScaleTarget = { kind: ref.kind, name: ref.name };
  if (isString(ref.apiVersion)) target.group = groupOf(ref.apiVersion);
  return target;
}

/** The object an HPA scales, when the run holds it (same namespace; any group when the ref names none). */
export function resolveScaleTarget(index: ObjectIndex, hpa: IndexedObject): IndexedObject | undefined {
  const target = scaleTargetOf(hpa);
  if (!target) return undefined;
  return index.get(target.kind, hpa.namespace, target.name, target.group);
}

/** HPAs of the run that scale this object, in run order. */
export function autoscalersOf(index: ObjectIndex, object: Pick<IndexedObject, 'kind' | 'group' | 'name' | 'namespace'>): IndexedObject[] {
  if (object.name === undefined) return [];
  // HPAs by target, built once per run: every workload asks.
  const byTarget = index.memo('autoscalers-by-target', () => {
    const table = new Map<string, IndexedObject[]>();
    for (const hpa of index.ofKind('HorizontalPodAutoscaler', 'autoscaling')) {
      const target = scaleTargetOf(hpa);
      if (!target) continue;
      const key = targetKey(hpa.namespace, target.kind, target.name);
      append(table, key, hpa);
    }
    return table;
  });
  return (byTarget.get(targetKey(object.namespace, object.kind, object.name)) ?? []).filter((hpa) => {
    const group = scaleTargetOf(hpa)?.group;
    return group === undefined || group === object.group;
  });
}

function targetKey(namespace: string | undefined, kind: string, name: string): string {
  return `${scopeKey(namespace)}\u0000${kind}\u0000${name}`;
}
