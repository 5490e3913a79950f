import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'service-account-extend-token-expiration',
  unsafe: unsafeWhen.notFalse,
  meta: {
    id: 'apiserver-sa-extend-token-expiration',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    summary:
      'The API server should not extend the lifetime of projected service account tokens to a year (--service-account-extend-token-expiration=false): a stolen token then stays valid for as long as it says.',
    remediation: 'Add --service-account-extend-token-expiration=false once no client relies on long-lived tokens.',
    messages: {
      set: '{{flag}} is {{value}}: projected tokens are valid for a year.',
      missing: '--service-account-extend-token-expiration is not set: projected tokens are valid for a year (its default is true).',
    },
  },
});
