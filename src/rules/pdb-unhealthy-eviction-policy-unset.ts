import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/**
 * As kube-linter's pdb-unhealthy-pod-eviction-policy: with the default (IfHealthyBudget) a pod that never
 * becomes ready counts against the budget and can block drains; AlwaysAllow lets it be evicted.
 */
export default defineRule({
  meta: {
    id: 'pdb-unhealthy-eviction-policy-unset',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['pod-disruption-budgets'],
    summary: 'PodDisruptionBudgets should set unhealthyPodEvictionPolicy, so pods stuck unready do not block node drains.',
    remediation: 'Set spec.unhealthyPodEvictionPolicy: AlwaysAllow (or IfHealthyBudget, written on purpose).',
    messages: {
      unset: 'PodDisruptionBudget "{{name}}" does not set unhealthyPodEvictionPolicy.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (valueAt(object.value, ['spec', 'unhealthyPodEvictionPolicy']) !== undefined) return;
        context.report({ messageId: 'unset', data: { name: object.name ?? '' }, at: [...object.path, 'spec', 'unhealthyPodEvictionPolicy'], missing: true });
      },
    };
  },
});
