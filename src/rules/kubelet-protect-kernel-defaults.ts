import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'protect-kernel-defaults',
  unsafe: unsafeWhen.notTrue,
  meta: {
    id: 'kubelet-protect-kernel-defaults',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.6',
    tags: ['control-plane'],
    summary:
      'The kubelet should refuse to run when kernel settings differ from what it expects (--protect-kernel-defaults, protectKernelDefaults: true) rather than change them.',
    remediation: 'Set protectKernelDefaults: true in the KubeletConfiguration and the kernel parameters the kubelet expects on the node.',
    messages: {
      set: '{{flag}} is {{value}}: the kubelet changes kernel settings it disagrees with.',
      missing: '{{flag}} is not set: the kubelet changes kernel settings it disagrees with (the default is false).',
    },
  },
});
