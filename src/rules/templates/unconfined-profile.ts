/**
 * Template: a confinement profile (seccomp, AppArmor) whose type, wherever written, must be RuntimeDefault
 * or Localhost, plus the legacy annotations the rule still reads. Messages: pod, container, annotation.
 */
import { defineRule, type Rule, type RuleMeta, type RunSettings } from '../../engine/define-rule.js';
import { isString } from '../../k8s/json.js';
import { CONFINING_PROFILE_TYPES } from '../../k8s/pss.js';
import { checkWritten } from './written-setting.js';

type MessageId = 'pod' | 'container' | 'annotation';

export interface UnconfinedProfile {
  /** `seccompProfile` or `appArmorProfile`. */
  field: string;
  /** Whether an annotation of the pod is a legacy profile annotation that turns confinement off. */
  badAnnotation: (key: string, value: string, settings: RunSettings) => boolean;
}

export function unconfinedProfileRule(meta: RuleMeta<MessageId, Record<string, never>>, profile: UnconfinedProfile): Rule<MessageId, Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        podSpec(pod) {
          checkWritten(context, pod, {
            field: [profile.field, 'type'],
            check: (value) => (isString(value) && !CONFINING_PROFILE_TYPES.includes(value) ? { type: value } : undefined),
            podMessageId: 'pod',
            containerMessageId: 'container',
          });
          for (const [annotation, value] of Object.entries(pod.annotations)) {
            if (profile.badAnnotation(annotation, value, context.settings)) {
              context.report({ messageId: 'annotation', data: { annotation, value }, at: [...pod.metadataPath, 'annotations', annotation] });
            }
          }
        },
      };
    },
  });
}
