import { defineRule } from '../engine/define-rule.js';
import { isNumber, isString, valueAt } from '../k8s/json.js';
import { autoscalersOf } from '../k8s/views/autoscaling.js';
import { replicasOf } from '../k8s/views/workload.js';
import { workloadsSelected } from '../k8s/views/references.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../k8s/object-index.js';
import type { JsonValue } from '../k8s/model.js';
import type { Location } from '../types.js';

/** What a budget with an integer minAvailable keeps until the index is complete: its selector is the record's. */
interface Watch {
  namespace: string;
  count: number;
  at: Location;
}

/** The fewest replicas a workload may run: an HPA's minReplicas (1 when unset) when one scales it, else spec.replicas. */
function fewestReplicas(index: ObjectIndex, workload: IndexedObject): number | undefined {
  const hpa = autoscalersOf(index, workload)[0];
  if (hpa) {
    const min = valueAt(hpa.value, ['spec', 'minReplicas']);
    return isNumber(min) ? min : 1;
  }
  return replicasOf(workload);
}

/**
 * The first workload the budget selects whose fewest replicas `count` reaches. Once per selector and count:
 * budgets that repeat a selector (a chart installed many times in one namespace) would each walk every
 * workload it selects.
 */
function firstBlocked(index: ObjectIndex, namespace: string, selector: JsonValue | undefined, count: number): { workload: IndexedObject; replicas: number } | undefined {
  return index.ruleMemo(`pdb-blocks:${scopeKey(namespace)}:${count}:${JSON.stringify(selector ?? null)}`, () => {
    for (const workload of workloadsSelected(index, namespace, selector)) {
      const replicas = fewestReplicas(index, workload);
      if (replicas !== undefined && count >= replicas) return { workload, replicas };
    }
    return undefined;
  });
}

/**
 * As kube-linter's pdb-min-available and Polaris' pdbMinAvailableGreaterThanHPAMinReplicas: an integer
 * minAvailable at or above the replicas of the workloads the budget selects (or their HPA's minReplicas)
 * lets no pod be evicted, so node drains hang. Percentages are left to pdb-zero-disruptions.
 */
export default defineRule<'blocks', Record<string, never>, Watch>({
  meta: {
    id: 'pdb-blocks-all-evictions',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['pod-disruption-budgets'],
    summary: "A PodDisruptionBudget's minAvailable should be below the replicas of the workloads it selects (or their autoscaler's minReplicas); otherwise no pod can ever be evicted.",
    remediation: 'Lower minAvailable below the replica count, use maxUnavailable: 1, or run more replicas.',
    messages: {
      blocks: 'PodDisruptionBudget "{{name}}" requires {{min}} available pods, but {{kind}} "{{workload}}" may run only {{replicas}}: no pod can be evicted.',
    },
  },
  create(context) {
    return {
      object(object) {
        const min = valueAt(object.value, ['spec', 'minAvailable']);
        const count = isNumber(min) ? min : isString(min) && /^\d+$/.test(min) ? Number(min) : undefined;
        if (count === undefined || count === 0) return;
        const namespace = object.namespace ?? context.settings.namespace;
        context.watch({ namespace, count, at: context.locate([...object.path, 'spec', 'minAvailable']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, count, at } = watch.data;
      const blocked = firstBlocked(index, namespace, valueAt(record.value, ['spec', 'selector']), count);
      if (!blocked) continue;
      const { workload, replicas } = blocked;
      const data = { name: record.name ?? '', min: count, kind: workload.kind, workload: workload.name ?? '', replicas };
      context.report({ messageId: 'blocks', data, at, related: [{ at: workload.at, message: `${workload.kind} "${workload.name ?? ''}"` }] }, watch);
    }
  },
});
