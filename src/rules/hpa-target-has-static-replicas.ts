import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { autoscalersOf } from '../k8s/views/autoscaling.js';
import type { Location } from '../types.js';

/**
 * As kube-score's deployment-targeted-by-hpa-does-not-have-replicas-configured: every apply resets
 * spec.replicas to the written value, undoing what the autoscaler chose, until it scales again.
 */
/** What a workload with written replicas keeps until the index is complete. */
interface Watch {
  namespace: string | undefined;
  at: Location;
}

export default defineRule<'static', Record<string, never>, Watch>({
  meta: {
    id: 'hpa-target-has-static-replicas',
    category: 'reliability',
    level: 'note',
    presets: [],
    crossObject: true,
    kinds: ['apps/Deployment', 'apps/StatefulSet', 'argoproj.io/Rollout'],
    summary: 'Workloads that a HorizontalPodAutoscaler of the input scales should not set spec.replicas: each apply resets the count the autoscaler chose.',
    remediation: 'Remove spec.replicas from the workload and let the HorizontalPodAutoscaler set it.',
    messages: {
      static: '{{kind}} "{{name}}" sets replicas although HorizontalPodAutoscaler "{{hpa}}" scales it.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (valueAt(object.value, ['spec', 'replicas']) === undefined) return;
        const namespace = object.namespace ?? context.settings.namespace;
        context.watch({ namespace, at: context.locate([...object.path, 'spec', 'replicas']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, at } = watch.data;
      const hpa = autoscalersOf(index, { kind: record.kind, group: record.group, name: record.name, namespace })[0];
      if (!hpa) continue;
      context.report({ messageId: 'static', data: { kind: record.kind, name: record.name ?? '', hpa: hpa.name ?? '' }, at, related: [{ at: hpa.at, message: `HorizontalPodAutoscaler "${hpa.name ?? ''}"` }] }, watch);
    }
  },
});
