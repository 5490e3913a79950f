import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { isZeroDuration } from '../k8s/views/flag-values.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'streaming-connection-idle-timeout',
  unsafe: isZeroDuration,
  meta: {
    id: 'kubelet-streaming-idle-timeout',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.5',
    tags: ['control-plane'],
    summary:
      'The kubelet must close idle exec, attach and port-forward streams (--streaming-connection-idle-timeout, streamingConnectionIdleTimeout not 0).',
    remediation: 'Remove the zero timeout, or set it to a few hours at most (the default is 4h).',
    messages: {
      set: '{{flag}} is {{value}}: idle streams are never closed.',
    },
  },
});
