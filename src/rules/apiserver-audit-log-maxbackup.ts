import { controlPlaneFlag } from './templates/control-plane-flag.js';
import { belowMinimum, writesAuditLog } from '../k8s/views/flag-values.js';

/** Rotation settings only matter when a log file is written (not for `--audit-log-path=-`, standard output). */
export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'audit-log-maxbackup',
  unsafe: belowMinimum(10),
  onlyWhen: writesAuditLog,
  meta: {
    id: 'apiserver-audit-log-maxbackup',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.21',
    tags: ['control-plane'],
    summary:
      'The API server should keep at least 10 rotated audit log files (--audit-log-maxbackup of at least 10), so audit records survive long enough to investigate an incident.',
    remediation: 'Set --audit-log-maxbackup=10 or more.',
    messages: {
      set: '{{flag}} is {{value}}, below 10 rotated files.',
      missing: '--audit-log-maxbackup is not set: audit log rotation keeps fewer than 10 rotated files.',
    },
  },
});
