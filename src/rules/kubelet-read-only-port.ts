import { controlPlaneFlag } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'read-only-port',
  unsafe: (value) => value !== undefined && value !== '0',
  meta: {
    id: 'kubelet-read-only-port',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.4',
    tags: ['control-plane'],
    summary:
      'The kubelet must not serve its read-only port (--read-only-port, readOnlyPort other than 0): it exposes pod specs and metrics without authentication.',
    remediation: 'Set readOnlyPort: 0 in the KubeletConfiguration (or --read-only-port=0).',
    messages: {
      set: '{{flag}} is {{value}}: pod details are served without authentication.',
      missing: '{{flag}} is not set: the kubelet flag defaults to port 10255, served without authentication.',
    },
  },
});
