import { missingContainerResource } from './templates/missing-container-resource.js';

export default missingContainerResource(
  {
    id: 'missing-memory-limit',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Containers should set a memory limit: without one a container can use all the memory of the node and get other pods evicted or OOM-killed; app containers and sidecar init containers (restartPolicy: Always) count, classic init containers and ephemeral containers do not, and a pod-level limit (spec.resources) covers every container.',
    remediation: 'Set resources.limits.memory on the container (or spec.resources.limits.memory on the pod) to the most memory the process may use.',
    messages: {
      missing: 'Container "{{container}}" has no memory limit.',
    },
  },
  'limits',
  'memory',
);
