import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';

/** An omitted podSelector decodes as `{}`: the policy silently applies to every pod of the namespace. */
export default defineRule({
  meta: {
    id: 'networkpolicy-without-selectors',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    tags: ['network-policy'],
    kinds: ['network-policies'],
    summary: 'NetworkPolicies should write spec.podSelector: when it is left out the policy applies to every pod of its namespace, which is rarely what the author meant.',
    remediation: 'Write spec.podSelector: a matchLabels selector for the pods the policy is about, or {} when it really is for every pod.',
    messages: {
      noSelector: 'NetworkPolicy "{{name}}" writes no spec.podSelector, so it applies to every pod of its namespace.',
    },
  },
  create(context) {
    return {
      object(object) {
        const spec = object.value.spec;
        if (isObject(spec) && Object.hasOwn(spec, 'podSelector')) return;
        context.report({ messageId: 'noSelector', data: { name: object.name ?? '' }, at: [...object.path, 'spec', 'podSelector'], missing: true });
      },
    };
  },
});
