import { defineRule } from '../engine/define-rule.js';

const PREFIX = 'nginx.ingress.kubernetes.io/';
/** Annotations whose values ingress-nginx pastes into its configuration without escaping. */
const INTERPOLATED = new Set(['auth-url', 'auth-tls-match-cn', 'mirror-target', 'mirror-host']);
/** What breaks out of an nginx directive: statement ends, blocks, quotes, variables and line breaks. */
const INJECTION = /[;{}'"$\\\n\r]|#/;

/**
 * Snippets run arbitrary nginx configuration in the controller, which can read every Secret of the
 * cluster (CVE-2021-25742, CVE-2025-1974): any snippet is reported, not only suspicious ones.
 */
export default defineRule({
  meta: {
    id: 'nginx-ingress-snippet-annotation',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['network'],
    kinds: ['ingresses'],
    summary:
      'Ingresses must not carry ingress-nginx snippet annotations, nor configuration-injecting characters in auth-url, auth-tls-match-cn or mirror annotations: they run configuration inside the controller, which holds every Secret of the cluster.',
    remediation: 'Remove the snippet annotation and use the dedicated ingress-nginx annotations or a ConfigMap setting the cluster administrators own.',
    messages: {
      snippet: 'Ingress "{{name}}" carries the snippet annotation {{annotation}}, which runs its own nginx configuration in the controller.',
      injection: 'The annotation {{annotation}} of Ingress "{{name}}" contains characters that end an nginx directive.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const [key, value] of Object.entries(object.annotations)) {
          if (!key.startsWith(PREFIX)) continue;
          const name = key.slice(PREFIX.length);
          const at = [...object.path, 'metadata', 'annotations', key];
          const data = { name: object.name ?? '', annotation: key };
          if (name.endsWith('-snippet')) context.report({ messageId: 'snippet', data, at });
          else if (INTERPOLATED.has(name) && INJECTION.test(value)) context.report({ messageId: 'injection', data, at });
        }
      },
    };
  },
});
