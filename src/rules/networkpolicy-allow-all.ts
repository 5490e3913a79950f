import { defineRule } from '../engine/define-rule.js';
import { openRules } from '../k8s/views/network-policy.js';

/** A rule limited to some ports is a deliberate opening (an ingress controller on 443), not allow-all. */
export default defineRule({
  meta: {
    id: 'networkpolicy-allow-all',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: [],
    tags: ['network-policy'],
    kinds: ['network-policies'],
    summary:
      'NetworkPolicy rules must not allow every peer on every port (a rule without peers, or an ipBlock of 0.0.0.0/0 or ::/0): the pods they select are then not isolated at all in that direction.',
    remediation: 'Name the peers (podSelector, namespaceSelector, a narrower ipBlock) and the ports the selected pods need.',
    messages: {
      allowAll: 'This {{direction}} rule of NetworkPolicy "{{name}}" allows every peer on every port: {{reason}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const rule of openRules(object.value)) {
          context.report({ messageId: 'allowAll', data: { name: object.name ?? '', direction: rule.direction.toLowerCase(), reason: rule.reason }, at: [...object.path, ...rule.path] });
        }
      },
    };
  },
});
