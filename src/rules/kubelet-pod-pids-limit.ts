import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'pod-max-pids',
  unsafe: (value) => !(Number(value) > 0),
  meta: {
    id: 'kubelet-pod-pids-limit',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    summary:
      'The kubelet should limit the processes of each pod (--pod-max-pids, podPidsLimit): without a limit, one pod can fork until the node runs out of process ids.',
    remediation: 'Set podPidsLimit in the KubeletConfiguration (or --pod-max-pids) to a positive number such as 4096.',
    messages: {
      set: '{{flag}} is {{value}}: a pod may start any number of processes.',
      missing: '{{flag}} is not set: a pod may start any number of processes.',
    },
  },
});
