import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: ['peer-cert-file', 'peer-key-file'],
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'etcd-peer-tls-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '2.4',
    tags: ['control-plane'],
    summary:
      'etcd members must talk to each other over TLS (--peer-cert-file and --peer-key-file).',
    remediation: 'Set --peer-cert-file and --peer-key-file.',
    messages: {
      missing: '{{flag}} is not set: etcd members talk without TLS.',
    },
  },
});
