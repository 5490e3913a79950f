import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-controller-manager',
  flag: 'terminated-pod-gc-threshold',
  unsafe: (_value, _settings, written) => !written,
  meta: {
    id: 'controller-manager-terminated-pod-gc',
    category: 'security',
    level: 'warning',
    securitySeverity: 2.0,
    presets: ['recommended', 'cis'],
    cis: '1.3.1',
    tags: ['control-plane'],
    summary:
      'The controller manager should set how many terminated pods it keeps (--terminated-pod-gc-threshold): the default, 12500, lets finished pods pile up and slow the API server.',
    remediation: 'Set --terminated-pod-gc-threshold to a value suited to the cluster (for example 10 on a small cluster).',
    messages: {
      missing: '--terminated-pod-gc-threshold is not set: up to 12500 terminated pods are kept.',
    },
  },
});
