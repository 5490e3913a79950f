import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'ServiceAccount',
  want: 'enabled',
  meta: {
    id: 'apiserver-service-account-plugin',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.14',
    tags: ['control-plane'],
    summary:
      'The API server must keep the ServiceAccount admission plugin: it gives pods a service account and its token, and refuses pods that name service accounts that do not exist.',
    remediation: 'Remove ServiceAccount from --disable-admission-plugins.',
    messages: {
      set: '{{flag}} disables the ServiceAccount admission plugin.',
    },
  },
});
