import { imageRule } from './templates/image-rule.js';

/** A digest pins the content whatever the tag says, so `nginx:latest@sha256:…` is pinned. */
export default imageRule(
  {
    id: 'image-tag-not-pinned',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary: 'Container images should name a fixed version: no tag, or the tag latest, means every node may run different code, and a rollback brings back nothing.',
    remediation: 'Use a version tag (nginx:1.27.3) or a digest (nginx@sha256:…).',
    messages: {
      latest: 'Container "{{container}}" uses the image "{{image}}" with the mutable tag latest.',
      noTag: 'Container "{{container}}" uses the image "{{image}}" without a tag (latest is implied).',
    },
  },
  (image) => {
    if (image.digest !== undefined) return undefined;
    if (image.tag === undefined) return { messageId: 'noTag' };
    return image.tag === 'latest' ? { messageId: 'latest' } : undefined;
  },
);
