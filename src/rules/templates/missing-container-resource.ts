/** Template: a container that lacks a compute resource request or limit (the four missing-* resource rules). */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { missingResource, type ResourceName, type ResourceSection } from '../../k8s/resources.js';

export function missingContainerResource(
  meta: RuleMeta<'missing', Record<string, never>>,
  section: ResourceSection,
  name: ResourceName,
): Rule<'missing', Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        container(container, pod) {
          const at = missingResource(container, pod, section, name);
          if (at) context.report({ messageId: 'missing', data: { container: container.name }, at, missing: true });
        },
      };
    },
  });
}
