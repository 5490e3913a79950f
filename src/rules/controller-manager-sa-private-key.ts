import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-controller-manager',
  flag: 'service-account-private-key-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'controller-manager-sa-private-key',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.3.4',
    tags: ['control-plane'],
    summary:
      'The controller manager must sign service account tokens with a key of its own (--service-account-private-key-file), which can be rotated.',
    remediation: 'Set --service-account-private-key-file.',
    messages: {
      missing: '--service-account-private-key-file is not set: service account tokens are not issued.',
    },
  },
});
