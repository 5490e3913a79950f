/** Template: a runAsUser / runAsGroup below a minimum (low-user-id, low-group-id); 0 is left to the root rules. */
import type { Rule, RuleMeta } from '../../engine/define-rule.js';
import { isNumber } from '../../k8s/json.js';
import { writtenSettingRule } from './written-setting.js';

export interface LowIdOptions {
  minimum: number;
}

export function lowIdOptions(what: string): Pick<RuleMeta<string, LowIdOptions>, 'options' | 'defaultOptions'> {
  return {
    options: {
      type: 'object',
      properties: { minimum: { type: 'integer', minimum: 1, description: `The lowest ${what} id accepted.` } },
      additionalProperties: false,
    },
    defaultOptions: { minimum: 10000 },
  };
}

export function lowIdRule(meta: RuleMeta<'pod' | 'container', LowIdOptions>, field: 'runAsUser' | 'runAsGroup'): Rule<'pod' | 'container', LowIdOptions> {
  return writtenSettingRule(meta, {
    field: [field],
    check: (value, _settings, options) => (isNumber(value) && value > 0 && value < options.minimum ? { id: value, minimum: options.minimum } : undefined),
    podMessageId: 'pod',
    containerMessageId: 'container',
    onlyIfInherited: true,
  });
}
