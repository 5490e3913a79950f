import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'rotate-certificates',
  unsafe: unsafeWhen.false,
  meta: {
    id: 'kubelet-rotate-certificates',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.11',
    tags: ['control-plane'],
    summary:
      'The kubelet should renew its client certificate before it expires (--rotate-certificates, rotateCertificates must not be false).',
    remediation: 'Remove rotateCertificates: false (set it to true).',
    messages: {
      set: '{{flag}} is {{value}}: the kubelet client certificate is never renewed.',
    },
  },
});
