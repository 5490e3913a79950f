import { defineRule } from '../engine/define-rule.js';

/** The token controller fills such a Secret with a token that never expires (kubernetes.io/service-account-token). */
export default defineRule({
  meta: {
    id: 'legacy-service-account-token-secret',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    tags: ['service-account'],
    kinds: ['secrets'],
    summary:
      'Secrets of type kubernetes.io/service-account-token hold a service account token that never expires and is not bound to a pod; use short-lived tokens from the TokenRequest API instead.',
    remediation: 'Delete the Secret; let pods receive projected, expiring tokens, and create tokens for outside clients with kubectl create token or the TokenRequest API.',
    messages: {
      legacyToken: 'Secret "{{name}}" asks for a non-expiring token of service account "{{account}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.value.type !== 'kubernetes.io/service-account-token') return;
        const account = object.annotations['kubernetes.io/service-account.name'] ?? '(unnamed)';
        context.report({ messageId: 'legacyToken', data: { name: object.name ?? '', account }, at: [...object.path, 'type'] });
      },
    };
  },
});
