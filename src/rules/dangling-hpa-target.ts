import { defineRule } from '../engine/define-rule.js';
import { resolveScaleTarget, scaleTargetOf } from '../k8s/views/autoscaling.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** What an autoscaler with a scaleTargetRef keeps until the index is complete: the target is read again from the record's value. */
interface Watch {
  namespace: string;
  at: Location;
}

/**
 * As kube-linter's dangling-horizontalpodautoscaler and kube-score's horizontalpodautoscaler-has-target:
 * the scaleTargetRef must name an object of the input. When the input holds no object of the target's kind
 * in the namespace (a partial input, or an operator's custom resource), nothing is reported unless the run
 * is complete.
 */
export default defineRule<'noTarget', Record<string, never>, Watch>({
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
        if (!scaleTargetOf(object)) return;
        const namespace = object.namespace ?? context.settings.namespace;
        context.watch({ namespace, at: context.locate([...object.path, 'spec', 'scaleTargetRef', 'name']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, at } = watch.data;
      const target = scaleTargetOf(record);
      if (!target) continue;
      // The autoscaler's own record: another of the same name may scale an object that exists.
      if (resolveScaleTarget(index, record)) continue;
      if (!inputHoldsKind(index, namespace, target.kind)) continue;
      context.report({ messageId: 'noTarget', data: { name: record.name ?? '', kind: target.kind, target: target.name, namespace }, at }, watch);
    }
  },
});
