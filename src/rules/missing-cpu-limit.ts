import { missingContainerResource } from './templates/missing-container-resource.js';

export default missingContainerResource(
  {
    id: 'missing-cpu-limit',
    category: 'efficiency',
    level: 'note',
    presets: [],
    summary:
      'Containers may set a CPU limit to cap their share of the node; opt-in (only in the `all` preset) because CPU limits throttle bursty workloads; app containers and sidecar init containers count, classic init and ephemeral containers do not, and a pod-level limit covers every container.',
    remediation: 'Set resources.limits.cpu on the container (or spec.resources.limits.cpu on the pod) if the workload must not use more than a fixed share of CPU.',
    messages: {
      missing: 'Container "{{container}}" has no CPU limit.',
    },
  },
  'limits',
  'cpu',
);
