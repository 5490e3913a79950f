/** Template: capabilities a container adds that a rule forbids; one finding per capability, at its list item. */
import { defineRule, type Rule, type RuleContext, type RuleMeta, type RunSettings } from '../../engine/define-rule.js';
import type { ContainerView, PodSpecView } from '../../k8s/model.js';

/** `CAP_SYS_ADMIN` and `sys_admin` name SYS_ADMIN for the runtimes. */
export function capabilityName(written: string): string {
  return written.toUpperCase().replace(/^CAP_/, '');
}

export interface AddedCapability {
  /** Whether the added capability, as written, is forbidden. */
  forbidden: (written: string, settings: RunSettings) => boolean;
  skip?: (pod: PodSpecView, settings: RunSettings) => boolean;
}

export function reportAddedCapabilities<MessageId extends string, Options>(
  context: RuleContext<MessageId, Options>,
  container: ContainerView,
  messageId: MessageId,
  forbidden: (written: string) => boolean,
): void {
  const added = container.securityContext.capabilitiesAdd;
  added?.value.forEach((capability, index) => {
    if (forbidden(capability)) context.report({ messageId, data: { container: container.name, capability }, at: [...added.path, index] });
  });
}

export function addedCapabilityRule(meta: RuleMeta<'added', Record<string, never>>, template: AddedCapability): Rule<'added', Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        container(container, pod) {
          if (template.skip?.(pod, context.settings)) return;
          reportAddedCapabilities(context, container, 'added', (written) => template.forbidden(written, context.settings));
        },
      };
    },
  });
}
