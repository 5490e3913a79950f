import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { declaresResources } from '../k8s/resources.js';

interface Options {
  resources: ('cpu' | 'memory')[];
}

/**
 * As kube-score's optional container-*-requests-equal-limits: equal requests and limits give the pod the
 * Guaranteed QoS class (last to be evicted). Opt-in, and which resources count is an option, since many
 * teams want CPU to burst. Values are compared as written.
 */
export default defineRule<'unequal', Options>({
  meta: {
    id: 'requests-not-equal-limits',
    category: 'efficiency',
    level: 'note',
    presets: [],
    summary: 'Opt-in: containers should request what they limit (for the chosen resources), which gives the pod the Guaranteed QoS class.',
    remediation: 'Set resources.requests equal to resources.limits for the resource.',
    messages: {
      unequal: 'Container "{{container}}" requests {{request}} {{resource}} but is limited to {{limit}}.',
    },
    options: {
      type: 'object',
      properties: {
        resources: { type: 'array', items: { enum: ['cpu', 'memory'] }, description: 'Resources whose request must equal the limit.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { resources: ['cpu', 'memory'] },
  },
  create(context) {
    return {
      container(container) {
        if (!declaresResources(container)) return;
        for (const resource of context.options.resources) {
          const request = valueAt(container.value, ['resources', 'requests', resource]);
          const limit = valueAt(container.value, ['resources', 'limits', resource]);
          if (limit === undefined || request === undefined || String(request) === String(limit)) continue;
          const data = { container: container.name, resource, request: String(request), limit: String(limit) };
          context.report({ messageId: 'unequal', data, at: [...container.path, 'resources', 'requests', resource] });
        }
      },
    };
  },
});
