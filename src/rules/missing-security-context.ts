import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';
import type { JsonValue } from '../k8s/model.js';

const isEmpty = (value: JsonValue | undefined): boolean => !isObject(value) || Object.keys(value).length === 0;

/** A container without its own context is fine when the pod sets one: only both missing is a finding. */
export default defineRule({
  meta: {
    id: 'missing-security-context',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: ['cis'],
    cis: '5.7.3',
    summary: 'Containers should have a security context, their own or the pod\'s: without one every setting is the runtime\'s permissive default.',
    remediation: 'Set securityContext on the pod (runAsNonRoot, seccompProfile) and on each container (allowPrivilegeEscalation: false, capabilities.drop: [ALL], readOnlyRootFilesystem: true).',
    messages: {
      missing: 'Container "{{container}}" has no security context, and the pod sets none.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (!isEmpty(pod.spec.securityContext) || !isEmpty(container.value.securityContext)) return;
        const at = [...container.path, 'securityContext'];
        context.report({ messageId: 'missing', data: { container: container.name }, at, missing: container.value.securityContext === undefined });
      },
    };
  },
});
