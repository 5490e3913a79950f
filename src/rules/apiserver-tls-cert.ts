import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: ['tls-cert-file', 'tls-private-key-file'],
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-tls-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.27',
    tags: ['control-plane'],
    summary:
      'The API server must serve a certificate from a known CA (--tls-cert-file and --tls-private-key-file) rather than the self-signed one it makes up, which clients cannot verify.',
    remediation: 'Set --tls-cert-file and --tls-private-key-file.',
    messages: {
      missing: '{{flag}} is not set: the API server serves a self-signed certificate.',
    },
  },
});
