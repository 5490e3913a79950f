import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'hostname-override',
  unsafe: unsafeWhen.set,
  meta: {
    id: 'kubelet-hostname-override',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.8',
    tags: ['control-plane'],
    summary:
      'The kubelet should not override the node\'s hostname (--hostname-override): TLS between the API server and the kubelet then no longer matches the node\'s name.',
    remediation: 'Remove --hostname-override.',
    messages: {
      set: '{{flag}} replaces the node\'s hostname.',
    },
  },
});
