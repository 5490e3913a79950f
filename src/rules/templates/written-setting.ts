/**
 * Template: a securityContext field judged wherever it is written, on the pod and on each container (as
 * the Pod Security Standards reference does: a bad pod-level value counts once, at the pod). The metadata
 * stays in the rule's own file; the template supplies the visitor.
 */
import { defineRule, type Rule, type RuleContext, type RuleMeta, type RunSettings } from '../../engine/define-rule.js';
import { valueAt } from '../../k8s/json.js';
import type { JsonValue, PodSpecView } from '../../k8s/model.js';
import { writtenContexts } from '../../k8s/pss.js';
import type { Path } from '../../types.js';

type Data = Record<string, string | number | boolean>;

export interface WrittenSetting<MessageId extends string, Options> {
  /** Path inside a securityContext, e.g. ['seccompProfile', 'type']. */
  field: Path;
  /** Message data when the written value is a problem, else undefined. */
  check: (value: JsonValue, settings: RunSettings, options: Options) => Data | undefined;
  podMessageId: MessageId;
  containerMessageId: MessageId;
  /** The pod is exempt from the control (Windows pods, user namespaces…). */
  skip?: (pod: PodSpecView, settings: RunSettings) => boolean;
  /**
   * Report a pod-level value only when some container inherits it (for settings whose effect is what
   * matters, not the admission decision).
   */
  onlyIfInherited?: boolean;
}

/** Reports every written value of the field that `check` rejects; the visitor part of the template. */
export function checkWritten<MessageId extends string, Options>(
  context: RuleContext<MessageId, Options>,
  pod: PodSpecView,
  setting: WrittenSetting<MessageId, Options>,
): void {
  if (setting.skip?.(pod, context.settings)) return;
  for (const written of writtenContexts(pod)) {
    const value = valueAt(written.value, setting.field);
    if (value === undefined) continue;
    const data = setting.check(value, context.settings, context.options);
    if (!data) continue;
    const at = [...written.path, ...setting.field];
    if (written.container !== undefined) {
      context.report({ messageId: setting.containerMessageId, data: { ...data, container: written.container }, at, container: written.container });
      continue;
    }
    if (setting.onlyIfInherited && !pod.containers.some((container) => valueAt(container.value, ['securityContext', ...setting.field]) === undefined)) continue;
    context.report({ messageId: setting.podMessageId, data, at });
  }
}

export function writtenSettingRule<MessageId extends string, Options = Record<string, never>>(
  meta: RuleMeta<MessageId, Options>,
  setting: WrittenSetting<MessageId, Options>,
): Rule<MessageId, Options> {
  return defineRule({
    meta,
    create(context) {
      return { podSpec: (pod) => checkWritten(context, pod, setting) };
    },
  });
}
