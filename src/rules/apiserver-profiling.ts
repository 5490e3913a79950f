import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'profiling',
  unsafe: unsafeWhen.notFalse,
  meta: {
    id: 'apiserver-profiling',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.18',
    tags: ['control-plane'],
    summary:
      'The API server\'s profiling endpoints should be off (--profiling=false): they reveal program details and can be used to slow the server down.',
    remediation: 'Add --profiling=false.',
    messages: {
      set: '{{flag}} is {{value}}: profiling endpoints are served.',
      missing: '--profiling is not set: profiling endpoints are served (its default is true).',
    },
  },
});
