import { defineRule } from '../engine/define-rule.js';
import { isCredentialName, isLocatorName } from '../secrets/credential-names.js';
import { hasUserinfoPassword, isPlaceholderFor } from '../secrets/placeholders.js';

interface Options {
  allowedNames: string[];
}

export default defineRule<'credentialName' | 'urlPassword', Options>({
  meta: {
    id: 'secret-in-env-literal',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['secret'],
    // Decided from key names, not from the value's shape: right most of the time, not always.
    precision: 'medium',
    summary:
      'Environment variables whose name says they hold a credential (password, token, secret, API key, ...) must not carry a literal value in the manifest.',
    remediation:
      'Move the value into a Secret managed outside the repository and reference it with env[].valueFrom.secretKeyRef, or mount it as a file.',
    messages: {
      credentialName: 'Container "{{container}}" sets the credential variable "{{name}}" to a literal value.',
      urlPassword: 'Container "{{container}}" sets "{{name}}" to a URL with a literal password in it.',
    },
    options: {
      type: 'object',
      properties: {
        allowedNames: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'Variable names (compared case-insensitively) that may hold a literal value even though they look like credentials.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedNames: [] },
  },
  create(context) {
    const allowed = new Set((context.options.allowedNames ?? []).map((name) => name.toLowerCase()));
    return {
      container(container) {
        const env: unknown = container.value.env;
        if (!Array.isArray(env)) return;
        env.forEach((item: unknown, index) => {
          if (typeof item !== 'object' || item === null) return;
          const { name, value } = item as { name?: unknown; value?: unknown };
          if (typeof name !== 'string' || typeof value !== 'string' || allowed.has(name.toLowerCase())) return;
          const at = [...container.path, 'env', index, 'value'];
          const data = { container: container.name, name };
          if (isLocatorName(name)) {
            if (hasUserinfoPassword(value)) context.report({ messageId: 'urlPassword', data, at });
          } else if (isCredentialName(name) && !isPlaceholderFor(name, value)) {
            context.report({ messageId: 'credentialName', data, at });
          }
        });
      },
    };
  },
});
