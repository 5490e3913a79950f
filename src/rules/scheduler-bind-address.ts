import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { isLoopback } from '../k8s/views/flag-values.js';

export default controlPlaneFlag({
  component: 'kube-scheduler',
  flag: 'bind-address',
  unsafe: (value) => !isLoopback(value),
  meta: {
    id: 'scheduler-bind-address',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.4.2',
    tags: ['control-plane'],
    summary:
      'The scheduler should serve its health and metrics endpoints on the loopback address only (--bind-address=127.0.0.1).',
    remediation: 'Set --bind-address=127.0.0.1.',
    messages: {
      set: '{{flag}} is {{value}}: the scheduler listens on the network.',
      missing: '--bind-address is not set: the scheduler listens on every address (0.0.0.0).',
    },
  },
});
