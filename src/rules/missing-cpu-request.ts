import { missingContainerResource } from './templates/missing-container-resource.js';

export default missingContainerResource(
  {
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
  'requests',
  'cpu',
);
