/**
 * Template: pods that no NetworkPolicy of their namespace selects for one direction. When the run holds
 * no NetworkPolicy at all and is not known to be complete, the policies most likely live elsewhere, so
 * the rule says that once (a note on the first workload) instead of flagging every workload.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { type Direction, isFirstOf, networkPolicies, selectedByPolicy, SYSTEM_NAMESPACES } from '../../k8s/views/network-policy.js';

type CoverageMessages = 'unselected' | 'noPolicies';

export interface NetworkPolicyCoverage {
  meta: Omit<RuleMeta<CoverageMessages, Record<string, never>>, 'kinds' | 'crossObject'>;
  direction: Direction;
}

export function networkPolicyCoverage(template: NetworkPolicyCoverage): Rule<CoverageMessages, Record<string, never>> {
  const { direction } = template;
  return defineRule({
    meta: { ...template.meta, kinds: ['workloads'], crossObject: true },
    create(context) {
      return {
        object(object) {
          const namespace = object.namespace ?? context.settings.namespace;
          if (SYSTEM_NAMESPACES.has(namespace)) return;
          // Pods on the node's network are outside every NetworkPolicy.
          const pods = object.pods.filter((pod) => pod.spec.hostNetwork !== true);
          if (pods.length === 0) return;
          const self = context.locate([...object.path, 'metadata', 'name'], { missing: true });
          const targets = pods.map((pod) => ({ labels: pod.labels, at: context.locate([...pod.metadataPath, 'labels'], { missing: true }) }));
          const data = { kind: object.kind, name: object.name ?? '', namespace, direction: direction.toLowerCase() };
          const kept = context.hold({ namespace, targets, data });
          context.afterIndex((index) => {
            const { namespace, targets, data } = kept;
            if (networkPolicies(index).length === 0 && !index.complete) {
              const qualifies = (record: (typeof index.all)[number]) =>
                record.pods.some((pod) => pod.spec.hostNetwork !== true) && !SYSTEM_NAMESPACES.has(record.namespace ?? '');
              if (isFirstOf(index, self, qualifies, `${template.meta.id}:workloads`)) context.report({ messageId: 'noPolicies', data, at: self, level: 'note' });
              return;
            }
            const unselected = targets.filter((target) => !selectedByPolicy(index, namespace, direction, target.labels));
            if (unselected.length === 0) return;
            const related = networkPolicies(index, namespace).map((policy) => ({ at: policy.at, message: `NetworkPolicy "${policy.name ?? ''}" of the namespace does not select these pods for ${data.direction}.` }));
            for (const target of unselected) {
              context.report({ messageId: 'unselected', data, at: target.at, related });
            }
          });
        },
      };
    },
  });
}
