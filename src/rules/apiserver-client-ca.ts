import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'client-ca-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-client-ca',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.28',
    tags: ['control-plane'],
    summary:
      'The API server must name the CA of client certificates (--client-ca-file): without it, client certificate authentication is off.',
    remediation: 'Set --client-ca-file.',
    messages: {
      missing: '--client-ca-file is not set: client certificates are not accepted.',
    },
  },
});
