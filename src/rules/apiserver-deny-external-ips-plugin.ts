import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'DenyServiceExternalIPs',
  want: 'enabled',
  meta: {
    id: 'apiserver-deny-external-ips-plugin',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.3',
    tags: ['control-plane'],
    summary:
      'The API server should run the DenyServiceExternalIPs admission plugin: a user who may create Services can otherwise set spec.externalIPs and intercept traffic for any address (CVE-2020-8554).',
    remediation: 'Add DenyServiceExternalIPs to --enable-admission-plugins.',
    messages: {
      set: '{{flag}} leaves out the DenyServiceExternalIPs admission plugin: Services may claim any external IP.',
      missing: 'The DenyServiceExternalIPs admission plugin is not enabled (it is off by default): Services may claim any external IP.',
    },
  },
});
