import { imageRule } from './templates/image-rule.js';

export default imageRule(
  {
    id: 'image-not-pinned-by-digest',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: [],
    summary: 'Container images should be pinned by digest (@sha256:…), so a tag moved in the registry, by mistake or by an attacker, cannot change what runs.',
    remediation: 'Append the image digest: registry/repository:tag@sha256:… (tools such as crane digest or Renovate fill it in).',
    messages: {
      unpinned: 'Container "{{container}}" uses the image "{{image}}" without a digest.',
    },
  },
  (image) => (image.digest === undefined ? { messageId: 'unpinned' } : undefined),
);
