/**
 * Template: a value at a fixed path of objects of some kinds that must not be there (a Service's
 * `externalIPs`, a forbidden annotation…). The finding points at the value.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { valueAt } from '../../k8s/json.js';
import type { JsonValue, K8sObject } from '../../k8s/model.js';
import type { Path } from '../../types.js';

export interface ForbiddenValueAt<MessageId extends string> {
  meta: RuleMeta<MessageId, Record<string, never>> & { kinds: NonNullable<RuleMeta['kinds']> };
  /** Path from the object root. */
  path: Path;
  /** Whether the value found there is forbidden; the message data it returns fills the template. */
  forbidden: (value: JsonValue, object: K8sObject) => Record<string, string | number | boolean> | undefined;
  messageId: MessageId;
}

export function forbiddenValueAt<MessageId extends string>(template: ForbiddenValueAt<MessageId>): Rule<MessageId, Record<string, never>> {
  return defineRule({
    meta: template.meta,
    create(context) {
      return {
        object(object) {
          const value = valueAt(object.value, template.path);
          if (value === undefined) return;
          const data = template.forbidden(value, object);
          if (data) context.report({ messageId: template.messageId, data, at: [...object.path, ...template.path] });
        },
      };
    },
  });
}
