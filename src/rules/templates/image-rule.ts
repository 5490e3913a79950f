/** Template: a judgement on each container's parsed image reference (templated and unparsable images are skipped). */
import { defineRule, type Rule, type RuleContext, type RuleMeta } from '../../engine/define-rule.js';
import type { ContainerView } from '../../k8s/model.js';
import { imageOf, type ImageReference } from '../../k8s/views/image.js';

type Data = Record<string, string | number | boolean>;

/** Returns the messageId and data of a finding, or undefined. */
export type ImageCheck<MessageId extends string, Options> = (
  image: ImageReference,
  container: ContainerView,
  context: RuleContext<MessageId, Options>,
) => { messageId: MessageId; data?: Data } | undefined;

export function imageRule<MessageId extends string, Options = Record<string, never>>(meta: RuleMeta<MessageId, Options>, check: ImageCheck<MessageId, Options>): Rule<MessageId, Options> {
  return defineRule({
    meta,
    create(context) {
      return {
        container(container) {
          const image = imageOf(container.image);
          if (!image) return;
          const finding = check(image, container, context);
          if (finding) context.report({ messageId: finding.messageId, data: { container: container.name, image: container.image!, ...finding.data }, at: [...container.path, 'image'] });
        },
      };
    },
  });
}
