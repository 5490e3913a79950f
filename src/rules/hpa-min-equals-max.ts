import { defineRule } from '../engine/define-rule.js';
import { numberAt } from '../k8s/json.js';

/** As Polaris' hpaMaxAvailability: an HPA whose maxReplicas is not above minReplicas never scales. */
export default defineRule({
  meta: {
    id: 'hpa-min-equals-max',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['autoscalers'],
    summary: 'HorizontalPodAutoscalers whose maxReplicas is not greater than minReplicas (1 when unset) cannot scale at all.',
    remediation: 'Raise spec.maxReplicas above spec.minReplicas, or replace the autoscaler with a fixed replica count.',
    messages: {
      noRange: 'HorizontalPodAutoscaler "{{name}}" has maxReplicas {{max}} and minReplicas {{min}}: it can never scale.',
    },
  },
  create(context) {
    return {
      object(object) {
        const max = numberAt(object.value, ['spec', 'maxReplicas']);
        const min = numberAt(object.value, ['spec', 'minReplicas']) ?? 1;
        if (max === undefined || max > min) return;
        context.report({ messageId: 'noRange', data: { name: object.name ?? '', max, min }, at: [...object.path, 'spec', 'maxReplicas'] });
      },
    };
  },
});
