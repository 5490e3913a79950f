/**
 * Template: a Role or ClusterRole rule that grants a dangerous permission, reported at each offending
 * rule (every rule is read, not only the first). The metadata stays in the rule's own file.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import type { K8sObject } from '../../k8s/model.js';
import { rbacRulesOf } from '../../k8s/views/rbac-rules.js';
import { matchRisk, type RbacRisk } from '../../k8s/views/rbac-risks.js';

export interface RbacRoleRule<MessageId extends string> {
  meta: Omit<RuleMeta<MessageId, Record<string, never>>, 'kinds'>;
  risk: RbacRisk;
  /** Placeholders: `{{kind}}`, `{{name}}`, `{{verbs}}`, `{{resources}}`. */
  messageId: MessageId;
}

/** ClusterRoles the cluster itself creates and keeps (`system:*`): not the manifest author's to change. */
export function isSystemObject(object: K8sObject): boolean {
  return object.name?.startsWith('system:') ?? false;
}

export function rbacRoleRule<MessageId extends string>(template: RbacRoleRule<MessageId>): Rule<MessageId, Record<string, never>> {
  return defineRule({
    meta: { ...template.meta, kinds: ['rbac-roles'] },
    create(context) {
      return {
        object(object) {
          if (isSystemObject(object)) return;
          for (const rule of rbacRulesOf(object)) {
            const match = matchRisk(rule, template.risk);
            if (!match) continue;
            const data = { kind: object.kind, name: object.name ?? '', verbs: match.verbs.join(', '), resources: match.resources.join(', ') };
            context.report({ messageId: template.messageId, data, at: rule.path });
          }
        },
      };
    },
  });
}
