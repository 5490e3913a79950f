/**
 * Template: a pod-spec field that must not hold a value (the host namespaces). The metadata stays in the
 * rule's own file; the template supplies the visitor.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import type { JsonValue } from '../../k8s/model.js';

export interface ForbiddenPodField<MessageId extends string> {
  meta: RuleMeta<MessageId, Record<string, never>>;
  /** The field of the pod spec, e.g. `hostNetwork`. */
  field: string;
  /** Whether the written value is the forbidden one (the API server's typing: `yes` is true). */
  forbidden: (value: JsonValue) => boolean;
  messageId: MessageId;
}

export function forbiddenPodField<MessageId extends string>(template: ForbiddenPodField<MessageId>): Rule<MessageId, Record<string, never>> {
  return defineRule({
    meta: template.meta,
    create(context) {
      return {
        podSpec(pod) {
          const value = pod.spec[template.field];
          if (value !== undefined && template.forbidden(value)) context.report({ messageId: template.messageId, at: [...pod.path, template.field] });
        },
      };
    },
  });
}
