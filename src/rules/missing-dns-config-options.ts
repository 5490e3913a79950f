import { defineRule } from '../engine/define-rule.js';
import { isString, objectItems } from '../k8s/json.js';

interface Options {
  options: { name: string; value?: string }[];
}

/**
 * As kube-linter's dnsconfig-options (off by default there too): with the cluster default ndots:5 every
 * external name is first tried against each search domain; teams that run many outbound calls pin a lower
 * ndots. Which options are wanted is site policy, hence an option list (default ndots: 2).
 */
export default defineRule<'missing' | 'wrongValue', Options>({
  meta: {
    id: 'missing-dns-config-options',
    category: 'best-practice',
    level: 'note',
    presets: [],
    summary: 'Pods should set the configured spec.dnsConfig.options (by default ndots: 2), so lookups of external names do not walk every search domain first.',
    remediation: 'Add the option under spec.dnsConfig.options, e.g. { name: ndots, value: "2" }.',
    messages: {
      missing: 'The pod does not set the DNS option {{option}}.',
      wrongValue: 'The pod sets the DNS option {{name}} to "{{value}}", not "{{expected}}".',
    },
    options: {
      type: 'object',
      properties: {
        options: {
          type: 'array',
          description: 'DNS options every pod must set; value may be left out to accept any value.',
          items: {
            type: 'object',
            properties: { name: { type: 'string', description: 'Option name, e.g. ndots.' }, value: { type: 'string', description: 'Required value.' } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { options: [{ name: 'ndots', value: '2' }] },
  },
  create(context) {
    return {
      podSpec(pod) {
        const written = [...objectItems(pod.spec, ['dnsConfig', 'options'])];
        for (const wanted of context.options.options) {
          const found = written.find(({ value }) => value.name === wanted.name);
          if (!found) {
            const option = wanted.value === undefined ? wanted.name : `${wanted.name}: ${wanted.value}`;
            context.report({ messageId: 'missing', data: { option }, at: [...pod.path, 'dnsConfig', 'options'], missing: true });
          } else if (wanted.value !== undefined && String(found.value.value) !== wanted.value) {
            const value = isString(found.value.value) ? found.value.value : String(found.value.value ?? '');
            context.report({ messageId: 'wrongValue', data: { name: wanted.name, value, expected: wanted.value }, at: [...pod.path, ...found.path, 'value'], missing: found.value.value === undefined });
          }
        }
      },
    };
  },
});
