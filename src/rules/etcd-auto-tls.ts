import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: 'auto-tls',
  unsafe: unsafeWhen.true,
  meta: {
    id: 'etcd-auto-tls',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '2.3',
    tags: ['control-plane'],
    summary:
      'etcd must not serve clients with self-signed certificates it makes up (--auto-tls=true), which clients cannot verify.',
    remediation: 'Remove --auto-tls=true and set --cert-file and --key-file.',
    messages: {
      set: '{{flag}} is {{value}}: etcd serves a self-signed certificate.',
    },
  },
});
