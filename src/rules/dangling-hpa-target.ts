import { defineRule } from '../engine/define-rule.js';
import { resolveScaleTarget, scaleTargetOf } from '../k8s/views/autoscaling.js';
import { inputHoldsKind } from '../k8s/views/references.js';

/**
 * As kube-linter's dangling-horizontalpodautoscaler and kube-score's horizontalpodautoscaler-has-target:
 * the scaleTargetRef must name an object of the input. When the input holds no object of the target's kind
 * in the namespace (a partial input, or an operator's custom resource), nothing is reported unless the run
 * is complete.
 */
export default defineRule({
  meta: {
    id: 'dangling-hpa-target',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['autoscalers'],
    summary: "A HorizontalPodAutoscaler's scaleTargetRef should name a workload of the input; otherwise it scales nothing.",
    remediation: 'Fix spec.scaleTargetRef (kind, name, apiVersion) so it names the workload to scale.',
    messages: {
      noTarget: 'HorizontalPodAutoscaler "{{name}}" scales {{kind}} "{{target}}", which is not in namespace "{{namespace}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        const target = scaleTargetOf(object);
        if (!target) return;
        const namespace = object.namespace ?? context.settings.namespace;
        const at = context.locate([...object.path, 'spec', 'scaleTargetRef', 'name']);
        const kept = context.hold({ target, namespace });
        context.afterIndex((index) => {
          const { target, namespace } = kept;
          const self = index.find(object.group, object.kind, namespace, object.name ?? '')[0];
          if (!self || resolveScaleTarget(index, self)) return;
          if (!inputHoldsKind(index, namespace, target.kind)) return;
          context.report({ messageId: 'noTarget', data: { name: object.name ?? '', kind: target.kind, target: target.name, namespace }, at });
        });
      },
    };
  },
});
