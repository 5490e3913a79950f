import { defineRule } from '../engine/define-rule.js';
import { isString } from '../k8s/json.js';

interface Options {
  allowed: string[];
}

/**
 * Polaris asks for any priorityClassName, kube-linter for one of a list. Both are here: unset is reported,
 * and `allowed` (empty by default: any name) restricts the names a team accepts.
 */
export default defineRule<'unset' | 'notAllowed', Options>({
  meta: {
    id: 'missing-priority-class',
    category: 'reliability',
    level: 'note',
    presets: [],
    summary: 'Pods should name a priorityClassName (optionally one of an allowed list), so the scheduler knows what to evict first when nodes run short.',
    remediation: 'Set spec.priorityClassName to a PriorityClass of the cluster that matches how critical the workload is.',
    messages: {
      unset: 'The pod sets no priorityClassName.',
      notAllowed: 'The pod uses priority class "{{name}}", which is not one of the allowed classes ({{allowed}}).',
    },
    options: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { type: 'string' }, description: 'Accepted priority class names; empty accepts any name.' } },
      additionalProperties: false,
    },
    defaultOptions: { allowed: [] },
  },
  create(context) {
    return {
      podSpec(pod) {
        const name = pod.spec.priorityClassName;
        const at = [...pod.path, 'priorityClassName'];
        if (!isString(name) || name === '') {
          context.report({ messageId: 'unset', at, missing: name === undefined });
          return;
        }
        const { allowed } = context.options;
        if (allowed.length > 0 && !allowed.includes(name)) context.report({ messageId: 'notAllowed', data: { name, allowed: allowed.join(', ') }, at });
      },
    };
  },
});
