import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { declaresResources } from '../k8s/resources.js';

interface Options {
  requireEqual: boolean;
}

/**
 * As kube-score's container-ephemeral-storage-request-and-limit: without a request the scheduler ignores
 * the container's disk use, without a limit one container can fill the node's disk and get every pod on it
 * evicted. kube-score's optional "request equals limit" is the `requireEqual` option.
 */
export default defineRule<'missingRequest' | 'missingLimit' | 'unequal', Options>({
  meta: {
    id: 'missing-ephemeral-storage',
    category: 'efficiency',
    level: 'note',
    presets: [],
    summary: 'Containers should request and limit ephemeral-storage, so the scheduler counts their disk use and one container cannot fill the node; app containers and sidecars count.',
    remediation: 'Set resources.requests.ephemeral-storage and resources.limits.ephemeral-storage on the container.',
    messages: {
      missingRequest: 'Container "{{container}}" has no ephemeral-storage request.',
      missingLimit: 'Container "{{container}}" has no ephemeral-storage limit.',
      unequal: 'Container "{{container}}" requests {{request}} of ephemeral-storage but may use {{limit}}.',
    },
    options: {
      type: 'object',
      properties: { requireEqual: { type: 'boolean', description: 'Also require the request to equal the limit.' } },
      additionalProperties: false,
    },
    defaultOptions: { requireEqual: false },
  },
  create(context) {
    return {
      container(container) {
        if (!declaresResources(container)) return;
        const request = valueAt(container.value, ['resources', 'requests', 'ephemeral-storage']);
        const limit = valueAt(container.value, ['resources', 'limits', 'ephemeral-storage']);
        const data = { container: container.name };
        const base = [...container.path, 'resources'];
        if (request === undefined) context.report({ messageId: 'missingRequest', data, at: [...base, 'requests', 'ephemeral-storage'], missing: true });
        if (limit === undefined) context.report({ messageId: 'missingLimit', data, at: [...base, 'limits', 'ephemeral-storage'], missing: true });
        if (context.options.requireEqual && request !== undefined && limit !== undefined && String(request) !== String(limit)) {
          context.report({ messageId: 'unequal', data: { ...data, request: String(request), limit: String(limit) }, at: [...base, 'requests', 'ephemeral-storage'] });
        }
      },
    };
  },
});
