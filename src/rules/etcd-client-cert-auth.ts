import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: 'client-cert-auth',
  unsafe: unsafeWhen.notTrue,
  meta: {
    id: 'etcd-client-cert-auth',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '2.2',
    tags: ['control-plane'],
    summary:
      'etcd must require client certificates (--client-cert-auth=true): otherwise anyone who reaches its port reads and writes the whole cluster state.',
    remediation: 'Add --client-cert-auth=true.',
    messages: {
      set: '{{flag}} is {{value}}: etcd accepts clients without a certificate.',
      missing: '--client-cert-auth is not set: etcd accepts clients without a certificate (its default is false).',
    },
  },
});
