import { defineRule } from '../engine/define-rule.js';
import { rbacRulesOf } from '../k8s/views/rbac-rules.js';
import { isClusterAdminRule, wildcardFields } from '../k8s/views/rbac-risks.js';
import { isSystemObject } from './templates/rbac-role-rule.js';

/** Every rule of the role is read; a rule with `*` everywhere is named as cluster-admin's rights. */
export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.3',
    tags: ['rbac'],
    kinds: ['rbac-roles'],
    summary:
      'Roles must not use `*` in verbs, resources or apiGroups: a wildcard grants every present and future verb, resource or API group, including ones added later by CRDs.',
    remediation: 'List the verbs, resources and API groups the holder needs instead of `*`.',
    messages: {
      wildcard: '{{kind}} "{{name}}" uses `*` in {{fields}}.',
      everything: '{{kind}} "{{name}}" grants every verb on every resource of every API group, as cluster-admin does.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (isSystemObject(object)) return;
        for (const rule of rbacRulesOf(object)) {
          const data = { kind: object.kind, name: object.name ?? '', fields: wildcardFields(rule).join(', ') };
          if (isClusterAdminRule(rule)) context.report({ messageId: 'everything', data, at: rule.path });
          else if (data.fields) context.report({ messageId: 'wildcard', data, at: rule.path });
        }
      },
    };
  },
});
