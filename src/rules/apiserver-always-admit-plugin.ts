import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'AlwaysAdmit',
  want: 'disabled',
  meta: {
    id: 'apiserver-always-admit-plugin',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.11',
    tags: ['control-plane'],
    summary:
      'The API server must not run the AlwaysAdmit admission plugin: it admits every request, whatever the other plugins decide.',
    remediation: 'Remove AlwaysAdmit from --enable-admission-plugins.',
    messages: {
      set: '{{flag}} enables AlwaysAdmit, which admits every request.',
    },
  },
});
