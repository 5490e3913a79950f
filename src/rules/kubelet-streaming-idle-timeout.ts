import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { isZeroDuration } from '../k8s/views/flag-values.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'streaming-connection-idle-timeout',
  unsafe: isZeroDuration,
  // In a KubeletConfiguration a zero duration means "use the default" (4h), as kubeadm writes it.
  onlyWhen: (config) => config.form !== 'kubelet-config',
  meta: {
    id: 'kubelet-streaming-idle-timeout',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.5',
    tags: ['control-plane'],
    summary:
      'The kubelet must close idle exec, attach and port-forward streams (--streaming-connection-idle-timeout must not be 0; in a KubeletConfiguration 0s stands for the 4h default).',
    remediation: 'Remove the zero timeout, or set it to a few hours at most (the default is 4h).',
    messages: {
      set: '{{flag}} is {{value}}: idle streams are never closed.',
    },
  },
});
