import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: 'peer-auto-tls',
  unsafe: unsafeWhen.true,
  meta: {
    id: 'etcd-peer-auto-tls',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '2.6',
    tags: ['control-plane'],
    summary:
      'etcd must not use self-signed peer certificates it makes up (--peer-auto-tls=true), which peers cannot verify.',
    remediation: 'Remove --peer-auto-tls=true and set --peer-cert-file and --peer-key-file.',
    messages: {
      set: '{{flag}} is {{value}}: etcd peers use self-signed certificates.',
    },
  },
});
