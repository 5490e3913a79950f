import { rotateServerCertificateGate } from './templates/control-plane-gate.js';

export default rotateServerCertificateGate('kube-controller-manager', {
  id: 'controller-manager-rotate-kubelet-cert',
  category: 'security',
  level: 'warning',
  securitySeverity: 4.0,
  presets: ['recommended', 'cis'],
  cis: '1.3.6',
  tags: ['control-plane'],
  summary:
    'The controller manager must not turn off the RotateKubeletServerCertificate feature gate: kubelet serving certificates would then never be renewed by the cluster.',
  remediation: 'Remove RotateKubeletServerCertificate=false from --feature-gates.',
  messages: {
    set: '{{flag}} turns RotateKubeletServerCertificate off: kubelet serving certificates are not rotated.',
  },
});
