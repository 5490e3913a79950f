import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'PodSecurityPolicy',
  want: 'disabled',
  meta: {
    id: 'apiserver-psp-plugin',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    tags: ['control-plane'],
    summary:
      'The API server should not name the PodSecurityPolicy admission plugin: PodSecurityPolicy was removed in Kubernetes 1.25 and Pod Security Admission replaces it.',
    remediation: 'Remove PodSecurityPolicy from --enable-admission-plugins and label namespaces with pod-security.kubernetes.io/enforce.',
    messages: {
      set: '{{flag}} enables PodSecurityPolicy, which Kubernetes 1.25 removed; use Pod Security Admission.',
    },
  },
});
