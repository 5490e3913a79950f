import { defineRule } from '../engine/define-rule.js';
import { listAt, valueAt } from '../k8s/json.js';

export default defineRule({
  meta: {
    id: 'ingress-missing-tls',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    tags: ['network'],
    kinds: ['ingresses'],
    summary: 'Ingresses should terminate TLS (spec.tls): without it their hosts are served over plain HTTP, credentials and cookies included.',
    remediation: 'Add spec.tls with the hosts and a certificate Secret (cert-manager can issue it).',
    messages: {
      noTls: 'Ingress "{{name}}" has no spec.tls: its hosts are served over plain HTTP.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (listAt(object.value, ['spec', 'tls']).length > 0) return;
        const written = valueAt(object.value, ['spec', 'tls']) !== undefined;
        context.report({ messageId: 'noTls', data: { name: object.name ?? '' }, at: [...object.path, 'spec', 'tls'], missing: !written });
      },
    };
  },
});
