import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'etcd',
  flag: 'peer-client-cert-auth',
  unsafe: unsafeWhen.notTrue,
  meta: {
    id: 'etcd-peer-client-cert-auth',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '2.5',
    tags: ['control-plane'],
    summary:
      'etcd must require certificates from its peers (--peer-client-cert-auth=true): otherwise any host can join the cluster as a member.',
    remediation: 'Add --peer-client-cert-auth=true.',
    messages: {
      set: '{{flag}} is {{value}}: etcd accepts peers without a certificate.',
      missing: '--peer-client-cert-auth is not set: etcd accepts peers without a certificate (its default is false).',
    },
  },
});
