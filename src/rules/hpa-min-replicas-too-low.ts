import { defineRule } from '../engine/define-rule.js';
import { numberAt } from '../k8s/json.js';

interface Options {
  minReplicas: number;
}

/** Polaris and kube-score want minReplicas of 2, kube-linter 3; the default is 2, configurable like insufficient-replicas. */
export default defineRule<'tooLow', Options>({
  meta: {
    id: 'hpa-min-replicas-too-low',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['autoscalers'],
    summary: 'HorizontalPodAutoscalers should keep at least two replicas (configurable) when load is low; minReplicas unset means 1.',
    remediation: 'Set spec.minReplicas to at least the minimum.',
    messages: {
      tooLow: 'HorizontalPodAutoscaler "{{name}}" may scale down to {{replicas}} replica(s); at least {{min}} keep the workload available during disruptions.',
    },
    options: {
      type: 'object',
      properties: { minReplicas: { type: 'integer', minimum: 1, description: 'The smallest acceptable minReplicas (kube-linter uses 3).' } },
      additionalProperties: false,
    },
    defaultOptions: { minReplicas: 2 },
  },
  create(context) {
    return {
      object(object) {
        const written = numberAt(object.value, ['spec', 'minReplicas']);
        const replicas = written ?? 1;
        if (replicas >= context.options.minReplicas) return;
        const data = { name: object.name ?? '', replicas, min: context.options.minReplicas };
        context.report({ messageId: 'tooLow', data, at: [...object.path, 'spec', 'minReplicas'], missing: written === undefined });
      },
    };
  },
});
