import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'anonymous-auth',
  unsafe: unsafeWhen.notFalse,
  meta: {
    id: 'kubelet-anonymous-auth',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.1',
    tags: ['control-plane'],
    summary:
      'The kubelet must refuse anonymous requests (--anonymous-auth=false, authentication.anonymous.enabled: false): its API runs commands in every pod of the node.',
    remediation: 'Set authentication.anonymous.enabled: false in the KubeletConfiguration (or --anonymous-auth=false).',
    messages: {
      set: '{{flag}} is {{value}}: the kubelet accepts anonymous requests.',
      missing: '{{flag}} is not set: the kubelet accepts anonymous requests (the flag defaults to true).',
    },
  },
});
