import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/**
 * As Polaris' pdbDisruptionsIsZero: maxUnavailable 0 (or "0%") and minAvailable "100%" forbid every
 * voluntary eviction, so node drains hang whatever the replica count. A numeric minAvailable needs the
 * selected workloads' replicas and is pdb-blocks-all-evictions' concern.
 */
export default defineRule({
  meta: {
    id: 'pdb-zero-disruptions',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    kinds: ['pod-disruption-budgets'],
    summary: 'PodDisruptionBudgets should allow at least one disruption: maxUnavailable 0 or minAvailable 100% blocks node drains and cluster upgrades.',
    remediation: 'Allow at least one pod to be evicted: maxUnavailable 1 (or a percentage above 0), or minAvailable below 100%.',
    messages: {
      maxUnavailable: 'PodDisruptionBudget "{{name}}" sets maxUnavailable {{value}}: no pod may ever be evicted.',
      minAvailable: 'PodDisruptionBudget "{{name}}" sets minAvailable 100%: no pod may ever be evicted.',
    },
  },
  create(context) {
    return {
      object(object) {
        const name = object.name ?? '';
        const max = valueAt(object.value, ['spec', 'maxUnavailable']);
        if (max === 0 || (typeof max === 'string' && /^0+%?$/.test(max.trim()))) {
          context.report({ messageId: 'maxUnavailable', data: { name, value: String(max) }, at: [...object.path, 'spec', 'maxUnavailable'] });
        }
        const min = valueAt(object.value, ['spec', 'minAvailable']);
        if (typeof min === 'string' && min.trim() === '100%') context.report({ messageId: 'minAvailable', data: { name }, at: [...object.path, 'spec', 'minAvailable'] });
      },
    };
  },
});
