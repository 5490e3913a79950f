import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'NamespaceLifecycle',
  want: 'enabled',
  meta: {
    id: 'apiserver-namespace-lifecycle-plugin',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.15',
    tags: ['control-plane'],
    summary:
      'The API server must keep the NamespaceLifecycle admission plugin: it refuses objects in namespaces that are being deleted or do not exist, and protects the system namespaces from deletion.',
    remediation: 'Remove NamespaceLifecycle from --disable-admission-plugins.',
    messages: {
      set: '{{flag}} disables the NamespaceLifecycle admission plugin.',
    },
  },
});
