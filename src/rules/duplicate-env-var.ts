import { defineRule } from '../engine/define-rule.js';
import { isString, objectItems } from '../k8s/json.js';

/** As kube-linter, kube-score and Kubescape: the API keeps the last of two same-named env entries, silently. */
export default defineRule({
  meta: {
    id: 'duplicate-env-var',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary: "A container should not list the same environment variable twice in env[]: only the last value takes effect, and the first one misleads readers.",
    remediation: 'Remove one of the two entries, keeping the value the container needs.',
    messages: {
      duplicate: 'Container "{{container}}" sets the environment variable "{{name}}" again (first set by env item {{first}}).',
    },
  },
  create(context) {
    return {
      container(container) {
        const seen = new Map<string, number>();
        for (const { value, path, index } of objectItems(container.value, ['env'])) {
          if (!isString(value.name)) continue;
          const first = seen.get(value.name);
          if (first === undefined) seen.set(value.name, index);
          else context.report({ messageId: 'duplicate', data: { container: container.name, name: value.name, first: first + 1 }, at: [...container.path, ...path, 'name'] });
        }
      },
    };
  },
});
