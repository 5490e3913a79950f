import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'secure-port',
  unsafe: (value) => value === '0',
  meta: {
    id: 'apiserver-secure-port-disabled',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.17',
    tags: ['control-plane'],
    summary:
      'The API server must serve HTTPS (--secure-port must not be 0).',
    remediation: 'Remove --secure-port=0 or set it to the HTTPS port (6443).',
    messages: {
      set: '{{flag}} is 0: the API server serves no HTTPS port.',
    },
  },
});
