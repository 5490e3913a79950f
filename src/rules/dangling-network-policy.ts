import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { selectsEverything } from '../k8s/selectors.js';
import { anyWorkloadSelected, inputHoldsTemplates, operatorMayCreatePods } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** What a policy with a pod selector keeps until the index is complete: the selector is read again from the record's value. */
interface Watch {
  namespace: string;
  at: Location;
}

/**
 * As kube-linter's dangling-networkpolicy and kube-score's networkpolicy-targets-pod: a podSelector that
 * matches no pod template protects nothing (often a typo that leaves the intended pods open). An empty
 * selector selects every pod and is never dangling; partial inputs and
 * namespaces where an operator may create the pods are treated as in dangling-service.
 */
export default defineRule<'noPods', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-network-policy',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['network-policies'],
    summary: "A NetworkPolicy's podSelector should match the pod template of some workload in its namespace; otherwise it applies to nothing.",
    remediation: 'Fix spec.podSelector so it matches the pods the policy is meant for, or remove the policy.',
    messages: {
      noPods: 'NetworkPolicy "{{name}}" selects no pod template in namespace "{{namespace}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        const selector = valueAt(object.value, ['spec', 'podSelector']);
        if (selector === undefined || selectsEverything(selector)) return;
        const namespace = object.namespace ?? context.settings.namespace;
        context.watch({ namespace, at: context.locate([...object.path, 'spec', 'podSelector']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { namespace, at } = watch.data;
      const selector = valueAt(watch.record.value, ['spec', 'podSelector']);
      if (anyWorkloadSelected(index, namespace, selector) || !inputHoldsTemplates(index, namespace) || operatorMayCreatePods(index, namespace)) continue;
      context.report({ messageId: 'noPods', data: { name: watch.record.name ?? '', namespace }, at }, watch);
    }
  },
});
