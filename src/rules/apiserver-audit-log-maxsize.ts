import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { belowMinimum, writesAuditLog } from '../k8s/views/flag-values.js';

/** Rotation settings only matter when a log file is written (not for `--audit-log-path=-`, standard output). */
export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'audit-log-maxsize',
  unsafe: belowMinimum(100),
  onlyWhen: writesAuditLog,
  meta: {
    id: 'apiserver-audit-log-maxsize',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.22',
    tags: ['control-plane'],
    summary:
      'The API server should rotate audit logs at 100 MB or more (--audit-log-maxsize of at least 100), so audit records survive long enough to investigate an incident.',
    remediation: 'Set --audit-log-maxsize=100 or more.',
    messages: {
      set: '{{flag}} is {{value}}, below 100 megabytes.',
      missing: '--audit-log-maxsize is not set: audit log rotation keeps fewer than 100 megabytes.',
    },
  },
});
