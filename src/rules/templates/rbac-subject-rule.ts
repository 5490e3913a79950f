/**
 * Template: a RoleBinding or ClusterRoleBinding subject that should never receive rights (anonymous users,
 * every authenticated user, system:masters, the default service account), reported at the subject.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { isObject, isString, objectItems } from '../../k8s/json.js';
import { isSystemObject } from './rbac-role-rule.js';

export interface RbacSubjectRule<MessageId extends string> {
  meta: Omit<RuleMeta<MessageId, Record<string, never>>, 'kinds'>;
  /** Whether the subject (its kind and name) is one the rule forbids. */
  forbidden: (kind: string, name: string) => boolean;
  /** Placeholders: `{{kind}}` and `{{name}}` of the binding, `{{subjectKind}}`, `{{subject}}`, `{{role}}`. */
  messageId: MessageId;
}

export function rbacSubjectRule<MessageId extends string>(template: RbacSubjectRule<MessageId>): Rule<MessageId, Record<string, never>> {
  return defineRule({
    meta: { ...template.meta, kinds: ['rbac-bindings'] },
    create(context) {
      return {
        object(object) {
          if (isSystemObject(object)) return;
          const roleRef = object.value.roleRef;
          const role = isObject(roleRef) && isString(roleRef.name) ? `${isString(roleRef.kind) ? roleRef.kind : 'role'} "${roleRef.name}"` : 'its role';
          for (const { value, path } of objectItems(object.value, ['subjects'])) {
            if (!isString(value.kind) || !isString(value.name) || !template.forbidden(value.kind, value.name)) continue;
            const data = { kind: object.kind, name: object.name ?? '', subjectKind: value.kind, subject: value.name, role };
            context.report({ messageId: template.messageId, data, at: [...object.path, ...path] });
          }
        },
      };
    },
  });
}
