import { minimatch } from 'minimatch';
import { imageRule } from './templates/image-rule.js';

interface Options {
  allowed: string[];
}

/** A pattern without a slash names registries; with one, repositories (`ghcr.io/acme/**`). */
function isAllowed(registry: string, repository: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => minimatch(pattern.includes('/') ? `${registry}/${repository}` : registry, pattern, { nocomment: true, nonegate: true }));
}

/** Opt-in: with no allow-list it reports nothing. Docker Hub images are `docker.io/library/nginx`. */
export default imageRule<'untrusted', Options>(
  {
    id: 'untrusted-image-registry',
    category: 'security',
    level: 'note',
    securitySeverity: 5.0,
    presets: [],
    summary: 'Container images should come only from the registries (or repositories) of an allow-list, so code of unknown origin does not run in the cluster.',
    remediation: 'Mirror the image into an allowed registry, or add its registry to the allowed option.',
    messages: {
      untrusted: 'Container "{{container}}" pulls "{{image}}" from {{registry}}, which is not an allowed registry.',
    },
    options: {
      type: 'object',
      properties: {
        allowed: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'Glob patterns of allowed registries ("registry.k8s.io", "*.dkr.ecr.*.amazonaws.com") or, with a slash, of registry/repository ("ghcr.io/acme/**", "docker.io/library/*"); images without a registry are docker.io. Empty: the rule reports nothing.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowed: [] },
  },
  (image, _container, context) => {
    const allowed = context.options.allowed ?? [];
    if (allowed.length === 0 || isAllowed(image.registry, image.repository, allowed)) return undefined;
    return { messageId: 'untrusted', data: { registry: image.registry } };
  },
);
