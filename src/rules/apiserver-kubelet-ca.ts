import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'kubelet-certificate-authority',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-kubelet-ca',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.6',
    tags: ['control-plane'],
    summary:
      'The API server must verify kubelets\' serving certificates (--kubelet-certificate-authority): without it a machine in the middle can impersonate a kubelet and read exec and log traffic.',
    remediation: 'Set --kubelet-certificate-authority to the CA that signs the kubelet serving certificates.',
    messages: {
      missing: '--kubelet-certificate-authority is not set: the API server does not verify kubelets\' certificates.',
    },
  },
});
