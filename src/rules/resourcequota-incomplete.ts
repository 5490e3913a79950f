import { defineRule } from '../engine/define-rule.js';
import { objectAt } from '../k8s/json.js';

const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** As Trivy KSV040: a quota that leaves CPU or memory unbounded does not stop one team from starving the rest. */
export default defineRule({
  meta: {
    id: 'resourcequota-incomplete',
    category: 'efficiency',
    level: 'note',
    presets: [],
    kinds: ['/ResourceQuota'],
    summary: 'ResourceQuotas should bound requests.cpu, requests.memory, limits.cpu and limits.memory.',
    remediation: 'Add the missing keys to spec.hard.',
    messages: {
      missing: 'ResourceQuota "{{name}}" does not bound {{fields}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        const spec = objectAt(object.value, ['spec']);
        // A scoped quota (priority class, terminating pods…) counts objects of one kind of pod, not a namespace budget.
        if (spec && (spec.scopeSelector !== undefined || spec.scopes !== undefined)) return;
        const hard = objectAt(object.value, ['spec', 'hard']) ?? {};
        const missing = REQUIRED.filter((key) => hard[key] === undefined && hard[key.replace('requests.', '')] === undefined);
        if (missing.length === 0) return;
        context.report({ messageId: 'missing', data: { name: object.name ?? '', fields: missing.join(', ') }, at: [...object.path, 'spec', 'hard'], missing: objectAt(object.value, ['spec', 'hard']) === undefined });
      },
    };
  },
});
