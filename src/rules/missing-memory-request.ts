import { missingContainerResource } from './templates/missing-container-resource.js';

export default missingContainerResource(
  {
    id: 'missing-memory-request',
    category: 'efficiency',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Containers should request memory so the scheduler places them on a node with room for them; a memory limit alone is enough (the request defaults to it), as is a pod-level request or limit; classic init containers and ephemeral containers are not checked.',
    remediation: 'Set resources.requests.memory on the container to the memory it typically uses.',
    messages: {
      missing: 'Container "{{container}}" has no memory request.',
    },
  },
  'requests',
  'memory',
);
