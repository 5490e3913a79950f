import { durationSeconds } from '../k8s/views/flag-values.js';
import { controlPlaneFlag } from './templates/control-plane-flag.js';

/** The default (60s) is right for almost every cluster; only a written value can be unreasonable. */
export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'request-timeout',
  unsafe(value, _settings, written) {
    if (!written) return false;
    const seconds = durationSeconds(value);
    return seconds === undefined || seconds <= 0 || seconds > 3600;
  },
  meta: {
    id: 'apiserver-request-timeout',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.23',
    tags: ['control-plane'],
    summary:
      'The API server should cut off requests after a reasonable time (--request-timeout between 1s and 1h; the default is 60s): long-held requests exhaust its connections.',
    remediation: 'Remove --request-timeout, or set it to a duration no longer than needed (at most 1h).',
    messages: {
      set: '{{flag}} is {{value}}: not a duration between 1s and 1h.',
    },
  },
});
