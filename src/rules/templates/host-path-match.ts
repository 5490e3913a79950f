/** Template: hostPath volumes whose node path a rule objects to; the finding points at hostPath.path. */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { hostPathVolumes } from '../../k8s/views/host-path.js';

export function hostPathMatchRule(meta: RuleMeta<'mount', Record<string, never>>, matches: (nodePath: string) => boolean): Rule<'mount', Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        podSpec(pod) {
          for (const { volume, nodePath, written, at } of hostPathVolumes(pod)) {
            if (matches(nodePath)) context.report({ messageId: 'mount', data: { volume: volume.name, path: written }, at });
          }
        },
      };
    },
  });
}
