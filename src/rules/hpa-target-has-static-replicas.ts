import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { autoscalersOf } from '../k8s/views/autoscaling.js';

/**
 * As kube-score's deployment-targeted-by-hpa-does-not-have-replicas-configured: every apply resets
 * spec.replicas to the written value, undoing what the autoscaler chose, until it scales again.
 */
export default defineRule({
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
        const at = context.locate([...object.path, 'spec', 'replicas']);
        const kept = context.hold({ namespace });
        context.afterIndex((index) => {
          const { namespace } = kept;
          const hpa = autoscalersOf(index, { kind: object.kind, group: object.group, name: object.name, namespace })[0];
          if (!hpa) return;
          context.report({ messageId: 'static', data: { kind: object.kind, name: object.name ?? '', hpa: hpa.name ?? '' }, at, related: [{ at: hpa.at, message: `HorizontalPodAutoscaler "${hpa.name ?? ''}"` }] });
        });
      },
    };
  },
});
