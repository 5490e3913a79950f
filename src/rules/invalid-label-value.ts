import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';

/** The API server's label value syntax: at most 63 characters, alphanumeric at both ends, `-_.` inside; empty is allowed. */
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** What YAML wrote instead of a string, as a user reads it. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** As kube-score's label-values: the API server rejects the object, so the problem is caught before apply. */
export default defineRule({
  meta: {
    id: 'invalid-label-value',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    summary: 'Label values must be at most 63 characters, start and end with a letter or digit, and hold only letters, digits, -, _ and . (the API server rejects others); pod template labels count too.',
    remediation: 'Shorten the value or replace the characters the API does not allow (spaces, slashes, colons).',
    messages: {
      invalid: 'Label "{{key}}" has the value "{{value}}", which is not a valid label value.',
      notString: 'Label "{{key}}" has {{type}} for its value; label values are strings (quote it).',
    },
  },
  create(context) {
    const check = (labels: unknown, base: readonly (string | number)[]) => {
      if (!isObject(labels)) return;
      for (const [key, value] of Object.entries(labels)) {
        const at = [...base, key];
        if (typeof value !== 'string') {
          if (value !== null) context.report({ messageId: 'notString', data: { key, type: kindOf(value) }, at });
        } else if (!LABEL_VALUE.test(value)) {
          context.report({ messageId: 'invalid', data: { key, value: value.length > 80 ? `${value.slice(0, 77)}...` : value }, at });
        }
      }
    };
    return {
      object(object) {
        check(object.metadata?.labels, [...object.path, 'metadata', 'labels']);
      },
      podSpec(pod, object) {
        if (pod.metadataPath.join('.') === [...object.path, 'metadata'].join('.')) return;
        check(pod.metadata?.labels, [...pod.metadataPath, 'labels']);
      },
    };
  },
});
