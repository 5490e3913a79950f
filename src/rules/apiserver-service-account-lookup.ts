import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'service-account-lookup',
  unsafe: unsafeWhen.false,
  meta: {
    id: 'apiserver-service-account-lookup',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.24',
    tags: ['control-plane'],
    summary:
      'The API server must check that a service account token still belongs to an existing service account (--service-account-lookup must not be false): otherwise tokens of deleted accounts keep working.',
    remediation: 'Remove --service-account-lookup=false.',
    messages: {
      set: '{{flag}} is {{value}}: tokens of deleted service accounts stay valid.',
    },
  },
});
