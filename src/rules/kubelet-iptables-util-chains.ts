import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'make-iptables-util-chains',
  unsafe: unsafeWhen.false,
  meta: {
    id: 'kubelet-iptables-util-chains',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.7',
    tags: ['control-plane'],
    summary:
      'The kubelet should manage its iptables chains (--make-iptables-util-chains, makeIPTablesUtilChains must not be false), so pod networking rules stay consistent.',
    remediation: 'Remove makeIPTablesUtilChains: false (or --make-iptables-util-chains=false).',
    messages: {
      set: '{{flag}} is {{value}}: the kubelet does not keep its iptables chains.',
    },
  },
});
