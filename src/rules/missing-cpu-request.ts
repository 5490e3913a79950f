import { defineRule } from '../engine/define-rule.js';
import { missingResource } from '../k8s/resources.js';

export default defineRule({
  meta: {
    id: 'missing-cpu-request',
    category: 'efficiency',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Containers should request CPU so the scheduler places them on a node with room for them and they get a fair share under contention; a CPU limit alone is enough (the request defaults to it), as is a pod-level request or limit; classic init containers and ephemeral containers are not checked.',
    remediation: 'Set resources.requests.cpu on the container to the CPU it typically uses.',
    messages: {
      missing: 'Container "{{container}}" has no CPU request.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        const at = missingResource(container, pod, 'requests', 'cpu');
        if (at) context.report({ messageId: 'missing', data: { container: container.name }, at });
      },
    };
  },
});
