import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'audit-log-path',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-audit-log-path',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.19',
    tags: ['control-plane'],
    summary:
      'The API server must write an audit log (--audit-log-path): without it, nobody can tell who did what to the cluster.',
    remediation: 'Set --audit-log-path (and --audit-policy-file, with the log rotation flags).',
    messages: {
      missing: '--audit-log-path is not set: the API server writes no audit log.',
    },
  },
});
