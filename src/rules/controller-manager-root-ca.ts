import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-controller-manager',
  flag: 'root-ca-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'controller-manager-root-ca',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '1.3.5',
    tags: ['control-plane'],
    summary:
      'The controller manager should put the cluster CA in service account token secrets (--root-ca-file), so pods can verify the API server\'s certificate.',
    remediation: 'Set --root-ca-file.',
    messages: {
      missing: '--root-ca-file is not set: pods cannot verify the API server\'s certificate.',
    },
  },
});
