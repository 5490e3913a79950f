import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'kubelet-https',
  unsafe: unsafeWhen.false,
  meta: {
    id: 'apiserver-kubelet-https',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.4',
    tags: ['control-plane'],
    summary:
      'The API server must reach kubelets over HTTPS (--kubelet-https must not be false): exec, logs and port-forward traffic would otherwise cross the network in clear text.',
    remediation: 'Remove --kubelet-https=false.',
    messages: {
      set: '{{flag}} is {{value}}: the API server talks to kubelets without TLS.',
    },
  },
});
