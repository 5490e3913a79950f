import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { belowMinimum, writesAuditLog } from '../k8s/views/flag-values.js';

/** Rotation settings only matter when a log file is written (not for `--audit-log-path=-`, standard output). */
export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'audit-log-maxage',
  unsafe: belowMinimum(30),
  onlyWhen: writesAuditLog,
  meta: {
    id: 'apiserver-audit-log-maxage',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.20',
    tags: ['control-plane'],
    summary:
      'The API server should keep audit logs at least 30 days (--audit-log-maxage of at least 30), so audit records survive long enough to investigate an incident.',
    remediation: 'Set --audit-log-maxage=30 or more.',
    messages: {
      set: '{{flag}} is {{value}}, below 30 days.',
      missing: '--audit-log-maxage is not set: audit log rotation keeps fewer than 30 days.',
    },
  },
});
