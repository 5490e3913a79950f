import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { isLoopback } from '../k8s/views/flag-values.js';

export default controlPlaneFlag({
  component: 'kube-controller-manager',
  flag: 'bind-address',
  unsafe: (value) => !isLoopback(value),
  meta: {
    id: 'controller-manager-bind-address',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.3.7',
    tags: ['control-plane'],
    summary:
      'The controller manager should serve its health and metrics endpoints on the loopback address only (--bind-address=127.0.0.1).',
    remediation: 'Set --bind-address=127.0.0.1.',
    messages: {
      set: '{{flag}} is {{value}}: the controller manager listens on the network.',
      missing: '--bind-address is not set: the controller manager listens on every address (0.0.0.0).',
    },
  },
});
