import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: ['kubelet-client-certificate', 'kubelet-client-key'],
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-kubelet-client-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.5',
    tags: ['control-plane'],
    summary:
      'The API server must present a client certificate to kubelets (--kubelet-client-certificate and --kubelet-client-key): without one, kubelets cannot authenticate it and must accept anonymous or weaker requests.',
    remediation: 'Set --kubelet-client-certificate and --kubelet-client-key to a certificate the kubelets trust.',
    messages: {
      missing: '{{flag}} is not set: the API server has no client certificate for kubelets.',
    },
  },
});
