/** Template: container ports a rule objects to (ssh-port-exposed, privileged-container-port); the finding points at containerPort. */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { isNumber, objectItems } from '../../k8s/json.js';
import type { JsonObject } from '../../k8s/model.js';

export function containerPortRule(meta: RuleMeta<'port', Record<string, never>>, forbidden: (port: number, item: JsonObject) => boolean): Rule<'port', Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        container(container) {
          for (const item of objectItems(container.value, ['ports'])) {
            const port = item.value.containerPort;
            if (isNumber(port) && forbidden(port, item.value)) {
              context.report({ messageId: 'port', data: { container: container.name, port }, at: [...container.path, ...item.path, 'containerPort'] });
            }
          }
        },
      };
    },
  });
}
