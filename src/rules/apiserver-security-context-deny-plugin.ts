import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'SecurityContextDeny',
  want: 'disabled',
  meta: {
    id: 'apiserver-security-context-deny-plugin',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: ['cis'],
    cis: '1.2.13',
    tags: ['control-plane'],
    summary:
      'The API server should not name the SecurityContextDeny admission plugin: it is obsolete (removed in Kubernetes 1.30, where the API server refuses to start with it); Pod Security Admission replaces it.',
    remediation: 'Remove SecurityContextDeny from --enable-admission-plugins and label namespaces with pod-security.kubernetes.io/enforce.',
    messages: {
      set: '{{flag}} enables SecurityContextDeny, which Kubernetes 1.30 removed; use Pod Security Admission.',
    },
  },
});
