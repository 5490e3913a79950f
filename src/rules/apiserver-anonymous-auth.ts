import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'anonymous-auth',
  unsafe: unsafeWhen.notFalse,
  meta: {
    id: 'apiserver-anonymous-auth',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.1',
    tags: ['control-plane'],
    summary:
      'The API server must refuse anonymous requests (--anonymous-auth=false): anonymous requests run as system:anonymous, and any RBAC binding to it or to system:unauthenticated is open to the network.',
    remediation: 'Add --anonymous-auth=false to the kube-apiserver command line or extraArgs.',
    messages: {
      set: '{{flag}} is {{value}}: the API server accepts anonymous requests.',
      missing: '--anonymous-auth is not set: the API server accepts anonymous requests (its default is true).',
    },
  },
});
