import { admissionPlugin } from './templates/control-plane-flag.js';

export default admissionPlugin({
  plugin: 'AlwaysPullImages',
  want: 'enabled',
  meta: {
    id: 'apiserver-always-pull-images-plugin',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: ['cis'],
    cis: '1.2.12',
    tags: ['control-plane'],
    summary:
      'The API server may run the AlwaysPullImages admission plugin: without it, a pod on a multi-tenant node can start another tenant\'s private image from the node\'s cache without pull credentials.',
    remediation: 'Add AlwaysPullImages to --enable-admission-plugins (expect more registry traffic).',
    messages: {
      set: '{{flag}} leaves out the AlwaysPullImages admission plugin: cached private images are usable without credentials.',
      missing: 'The AlwaysPullImages admission plugin is not enabled: cached private images are usable without credentials.',
    },
  },
});
