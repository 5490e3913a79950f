import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'audit-policy-file',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-audit-policy-file',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '3.2.1',
    tags: ['control-plane'],
    summary:
      'The API server must name an audit policy (--audit-policy-file): without one it records no audit events, even with --audit-log-path.',
    remediation: 'Set --audit-policy-file to an audit Policy that logs Secrets, ConfigMaps, RBAC and pods/exec at Metadata level or above.',
    messages: {
      missing: '--audit-policy-file is not set: no audit event is recorded.',
    },
  },
});
