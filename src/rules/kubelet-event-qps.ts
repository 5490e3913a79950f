import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { dropsEvents } from '../k8s/views/flag-values.js';

export default controlPlaneFlag({
  component: 'kubelet',
  flag: 'event-qps',
  unsafe: dropsEvents,
  meta: {
    id: 'kubelet-event-qps',
    category: 'security',
    level: 'warning',
    securitySeverity: 2.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.9',
    tags: ['control-plane'],
    summary:
      'The kubelet should not drop events by a very low rate limit (--event-qps, eventRecordQPS below 5, or negative): events record what happened on the node.',
    remediation: 'Set eventRecordQPS to 0 (no limit) or a rate that keeps every event (the default is 50).',
    messages: {
      set: '{{flag}} is {{value}}: the kubelet may drop events.',
    },
  },
});
