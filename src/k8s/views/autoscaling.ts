/** HorizontalPodAutoscaler targets over the index: which object an HPA scales, which HPAs scale an object. */
import { isObject, isString } from '../json.js';
import type { IndexedObject, ObjectIndex } from '../object-index.js';
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

/** HPAs of the run that scale this object. */
export function autoscalersOf(index: ObjectIndex, object: Pick<IndexedObject, 'kind' | 'group' | 'name' | 'namespace'>): IndexedObject[] {
  return index.ofKind('HorizontalPodAutoscaler', 'autoscaling').filter((hpa) => {
    const target = scaleTargetOf(hpa);
    return target !== undefined && hpa.namespace === object.namespace && target.kind === object.kind && target.name === object.name && (target.group === undefined || target.group === object.group);
  });
}
