import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'client-ca-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'kubelet-client-ca',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.3',
    tags: ['control-plane'],
    summary:
      'The kubelet must name the CA of client certificates (--client-ca-file, authentication.x509.clientCAFile), so it can authenticate the API server and other clients.',
    remediation: 'Set authentication.x509.clientCAFile in the KubeletConfiguration (or --client-ca-file).',
    messages: {
      missing: '{{flag}} is not set: the kubelet cannot authenticate client certificates.',
    },
  },
});
