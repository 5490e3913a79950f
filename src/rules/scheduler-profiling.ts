import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-scheduler',
  flag: 'profiling',
  unsafe: unsafeWhen.notFalse,
  meta: {
    id: 'scheduler-profiling',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.0,
    presets: ['recommended', 'cis'],
    cis: '1.4.1',
    tags: ['control-plane'],
    summary:
      'The scheduler\'s profiling endpoints should be off (--profiling=false).',
    remediation: 'Add --profiling=false.',
    messages: {
      set: '{{flag}} is {{value}}: profiling endpoints are served.',
      missing: '--profiling is not set: profiling endpoints are served (its default is true).',
    },
  },
});
