import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'insecure-port',
  unsafe: (value) => value !== undefined && value !== '0',
  meta: {
    id: 'apiserver-insecure-port',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    summary:
      'The API server must not open its insecure port (--insecure-port other than 0; the default was 8080 before Kubernetes 1.20): that port has no authentication and no authorization.',
    remediation: 'Set --insecure-port=0, or remove it on Kubernetes 1.20 and later.',
    messages: {
      set: '{{flag}} is {{value}}: the API is served without authentication or authorization.',
      missing: '--insecure-port is not set: before Kubernetes 1.20 the API server serves port {{default}} without authentication.',
    },
  },
});
