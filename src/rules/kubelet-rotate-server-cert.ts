import { rotateServerCertificateGate } from './templates/control-plane-gate.js';

export default rotateServerCertificateGate('kubelet', {
  id: 'kubelet-rotate-server-cert',
  category: 'security',
  level: 'warning',
  securitySeverity: 4.0,
  presets: ['recommended', 'cis'],
  cis: '4.2.12',
  tags: ['control-plane'],
  summary:
    'The kubelet must not turn off the RotateKubeletServerCertificate feature gate: its serving certificate would then never be renewed.',
  remediation: 'Remove RotateKubeletServerCertificate: false from featureGates (or from --feature-gates).',
  messages: {
    set: '{{flag}} turns RotateKubeletServerCertificate off: the serving certificate is not rotated.',
  },
});
