/**
 * Template: pods that no NetworkPolicy of their namespace selects for one direction. When the run holds
 * no NetworkPolicy at all and is not known to be complete, the policies most likely live elsewhere, so
 * the rule says that once (a note on the first workload) instead of flagging every workload.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import type { IndexedObject, IndexedPod } from '../../k8s/object-index.js';
import { type Direction, isFirstOf, networkPolicies, selectedByPolicy, SYSTEM_NAMESPACES } from '../../k8s/views/network-policy.js';
import type { Location } from '../../types.js';

type CoverageMessages = 'unselected' | 'noPolicies';

export interface NetworkPolicyCoverage {
  meta: Omit<RuleMeta<CoverageMessages, Record<string, never>>, 'kinds' | 'crossObject'>;
  direction: Direction;
}

/**
 * What a workload keeps until the index is complete: the namespace it lands in, where its name is, where the
 * labels of each pod template off the node's network are (in the order of the record's pods), and the
 * positions of the pod templates on the node's network, if any: so the check reads no pod spec back.
 */
export interface CoverageWatch {
  namespace: string;
  self: Location;
  targets: Location[];
  onHostNetwork?: number[];
}

/** Pods on the node's network are outside every NetworkPolicy. */
function isolable(pod: Pick<IndexedPod, 'spec'>): boolean {
  return pod.spec.hostNetwork !== true;
}

export function networkPolicyCoverage(template: NetworkPolicyCoverage): Rule<CoverageMessages, Record<string, never>, CoverageWatch> {
  const { direction } = template;
  return defineRule<CoverageMessages, Record<string, never>, CoverageWatch>({
    meta: { ...template.meta, kinds: ['workloads'], crossObject: true },
    create(context) {
      return {
        object(object) {
          const namespace = object.namespace ?? context.settings.namespace;
          if (SYSTEM_NAMESPACES.has(namespace)) return;
          const pods = object.pods.filter(isolable);
          if (pods.length === 0) return;
          const self = context.locate([...object.path, 'metadata', 'name'], { missing: true });
          const targets = pods.map((pod) => context.locate([...pod.metadataPath, 'labels'], { missing: true }));
          const onHostNetwork = object.pods.flatMap((pod, position) => (isolable(pod) ? [] : [position]));
          context.watch(onHostNetwork.length === 0 ? { namespace, self, targets } : { namespace, self, targets, onHostNetwork });
        },
      };
    },
    checkIndex(index, context) {
      const qualifies = (record: IndexedObject) => record.pods.some(isolable) && !SYSTEM_NAMESPACES.has(record.namespace ?? '');
      for (const watch of context.watched) {
        const { record } = watch;
        const { namespace, self, targets, onHostNetwork } = watch.data;
        const data = { kind: record.kind, name: record.name ?? '', namespace, direction: direction.toLowerCase() };
        if (networkPolicies(index).length === 0 && !index.complete) {
          // Recognised by the record's own place: `self` points where the name is, or would be.
          if (isFirstOf(index, record.at, qualifies, `${template.meta.id}:workloads`)) context.report({ messageId: 'noPolicies', data, at: self, level: 'note' }, watch);
          continue;
        }
        // The record's pods are the object's, in order: those off the node's network pair with the targets.
        const pods = onHostNetwork ? record.pods.filter((_, position) => !onHostNetwork.includes(position)) : record.pods;
        const unselected = targets.filter((_, position) => !selectedByPolicy(index, namespace, direction, pods[position]!.labels));
        if (unselected.length === 0) continue;
        // One list per namespace and direction, not one per finding: a namespace may hold many of each.
        const related = index.ruleMemo(`related-policies:${direction}:${namespace}`, () =>
          networkPolicies(index, namespace).map((policy) => ({ at: policy.at, message: `NetworkPolicy "${policy.name ?? ''}" of the namespace does not select these pods for ${data.direction}.` })),
        );
        for (const at of unselected) {
          context.report({ messageId: 'unselected', data, at, related }, watch);
        }
      }
    },
  });
}
