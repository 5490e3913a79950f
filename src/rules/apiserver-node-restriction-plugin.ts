import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'NodeRestriction',
  want: 'enabled',
  meta: {
    id: 'apiserver-node-restriction-plugin',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.16',
    tags: ['control-plane'],
    summary:
      'The API server must run the NodeRestriction admission plugin: it stops a kubelet from changing other nodes and pods, or labels that steer workloads to it.',
    remediation: 'Add NodeRestriction to --enable-admission-plugins.',
    messages: {
      set: '{{flag}} leaves out the NodeRestriction admission plugin: a kubelet may change other nodes and pods.',
      missing: 'The NodeRestriction admission plugin is not enabled (it is off by default): a kubelet may change other nodes and pods.',
    },
  },
});
