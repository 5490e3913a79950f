import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-controller-manager',
  flag: 'use-service-account-credentials',
  unsafe: unsafeWhen.notTrue,
  meta: {
    id: 'controller-manager-sa-credentials',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.3.3',
    tags: ['control-plane'],
    summary:
      'The controller manager should run each controller under its own service account (--use-service-account-credentials=true), so each holds only the permissions of its role.',
    remediation: 'Add --use-service-account-credentials=true.',
    messages: {
      set: '{{flag}} is {{value}}: every controller runs with the controller manager\'s own, broad credentials.',
      missing: '--use-service-account-credentials is not set: every controller runs with the controller manager\'s own, broad credentials.',
    },
  },
});
