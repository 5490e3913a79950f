import { defineRule } from '../engine/define-rule.js';
import { isObject, objectItems } from '../k8s/json.js';

const FIELDS = ['max', 'min', 'default', 'defaultRequest'] as const;

/** As Trivy KSV039: a LimitRange item should bound containers both ways and give defaults to those that set nothing. */
export default defineRule({
  meta: {
    id: 'limitrange-incomplete',
    category: 'efficiency',
    level: 'note',
    presets: [],
    kinds: ['/LimitRange'],
    summary: 'LimitRange items should set type, max, min, default and defaultRequest, so containers that name no resources still get sane requests and limits.',
    remediation: 'Add the missing fields to the spec.limits item.',
    messages: {
      missing: 'LimitRange "{{name}}" item {{item}} does not set {{fields}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const { value, path, index } of objectItems(object.value, ['spec', 'limits'])) {
          const missing = [...(value.type === undefined ? ['type'] : []), ...FIELDS.filter((field) => !isObject(value[field]))];
          if (missing.length === 0) continue;
          context.report({ messageId: 'missing', data: { name: object.name ?? '', item: index + 1, fields: missing.join(', ') }, at: [...object.path, ...path] });
        }
      },
    };
  },
});
