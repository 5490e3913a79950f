import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/** As kube-score's poddisruptionbudget-has-policy: without either field the budget allows nothing meaningful. */
export default defineRule({
  meta: {
    id: 'pdb-missing-policy',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    kinds: ['pod-disruption-budgets'],
    summary: 'PodDisruptionBudgets should set minAvailable or maxUnavailable; with neither the budget says nothing about how many pods must stay.',
    remediation: 'Set spec.minAvailable or spec.maxUnavailable.',
    messages: {
      missing: 'PodDisruptionBudget "{{name}}" sets neither minAvailable nor maxUnavailable.',
    },
  },
  create(context) {
    return {
      object(object) {
        const spec = [...object.path, 'spec'];
        if (valueAt(object.value, ['spec', 'minAvailable']) !== undefined || valueAt(object.value, ['spec', 'maxUnavailable']) !== undefined) return;
        context.report({ messageId: 'missing', data: { name: object.name ?? '' }, at: [...spec, 'minAvailable'], missing: true });
      },
    };
  },
});
