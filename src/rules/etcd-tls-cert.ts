import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: ['cert-file', 'key-file'],
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'etcd-tls-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '2.1',
    tags: ['control-plane'],
    summary:
      'etcd must serve clients over TLS (--cert-file and --key-file): it holds every Secret of the cluster.',
    remediation: 'Set --cert-file and --key-file.',
    messages: {
      missing: '{{flag}} is not set: etcd serves clients without TLS.',
    },
  },
});
