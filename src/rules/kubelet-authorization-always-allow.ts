import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'authorization-mode',
  unsafe: unsafeWhen.contains('AlwaysAllow'),
  meta: {
    id: 'kubelet-authorization-always-allow',
    category: 'security',
    level: 'warning',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.2',
    tags: ['control-plane'],
    summary:
      'The kubelet must ask the API server whether a request is allowed (authorization mode Webhook), never allow every request (AlwaysAllow, the flag default).',
    remediation: 'Set authorization.mode: Webhook in the KubeletConfiguration (or --authorization-mode=Webhook).',
    messages: {
      set: '{{flag}} is "{{value}}": the kubelet allows every authenticated request.',
      missing: '{{flag}} is not set: the kubelet flag defaults to AlwaysAllow and allows every request.',
    },
  },
});
