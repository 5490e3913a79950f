import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'insecure-bind-address',
  unsafe: unsafeWhen.set,
  meta: {
    id: 'apiserver-insecure-bind-address',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    summary:
      'The API server must not serve its insecure port on a network address (--insecure-bind-address): that port has no authentication and no authorization.',
    remediation: 'Remove --insecure-bind-address.',
    messages: {
      set: '{{flag}} serves the API without authentication or authorization.',
    },
  },
});
