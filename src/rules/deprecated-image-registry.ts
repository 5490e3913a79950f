import { imageRule } from './templates/image-rule.js';

/** k8s.gcr.io was frozen in April 2023 and redirects to registry.k8s.io only for a while. */
const DEPRECATED: Readonly<Record<string, string>> = { 'k8s.gcr.io': 'registry.k8s.io' };

export default imageRule(
  {
    id: 'deprecated-image-registry',
    category: 'best-practice',
    level: 'warning',
    presets: ['recommended'],
    summary: 'Container images should not come from a frozen registry (k8s.gcr.io, replaced by registry.k8s.io): it receives no new versions or fixes and may stop serving.',
    remediation: 'Pull the image from the registry that replaced it (registry.k8s.io for k8s.gcr.io).',
    messages: {
      deprecated: 'Container "{{container}}" pulls "{{image}}" from {{registry}}, which is frozen; use {{replacement}}.',
    },
  },
  (image) => {
    const replacement = DEPRECATED[image.registry];
    return replacement ? { messageId: 'deprecated', data: { registry: image.registry, replacement } } : undefined;
  },
);
