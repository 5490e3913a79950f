import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'service-account-key-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-service-account-key-file',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.25',
    tags: ['control-plane'],
    summary:
      'The API server should name the public keys that verify service account tokens (--service-account-key-file), so the signing key can be rotated.',
    remediation: 'Set --service-account-key-file to the public key of --service-account-private-key-file of the controller manager.',
    messages: {
      missing: '--service-account-key-file is not set.',
    },
  },
});
