import { defineRule } from '../engine/define-rule.js';
import { isString } from '../k8s/json.js';

/**
 * Pods that name no service account (or `default`) share the namespace's default account, so rights given
 * to one workload reach all of them; the default ServiceAccount itself should not hand out tokens.
 */
export default defineRule({
  meta: {
    id: 'default-service-account',
    category: 'security',
    level: 'warning',
    securitySeverity: 3.5,
    presets: ['cis'],
    cis: '5.1.5',
    tags: ['service-account'],
    kinds: ['service-accounts'],
    summary:
      "Workloads should run as a service account of their own, not the namespace's default one, and the default ServiceAccount should set automountServiceAccountToken: false.",
    remediation: 'Create a ServiceAccount for the workload and set spec.serviceAccountName; set automountServiceAccountToken: false on the default ServiceAccount.',
    messages: {
      usesDefault: 'Pods of {{kind}} "{{name}}" run as the default service account of their namespace.',
      defaultAutomounts: 'The default ServiceAccount does not set automountServiceAccountToken: false, so every pod that names no service account gets its token.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const field = isString(pod.spec.serviceAccountName) ? 'serviceAccountName' : isString(pod.spec.serviceAccount) ? 'serviceAccount' : undefined;
        if (field !== undefined && pod.spec[field] !== 'default' && pod.spec[field] !== '') return;
        context.report({ messageId: 'usesDefault', data: { kind: object.kind, name: object.name ?? '' }, at: [...pod.path, field ?? 'serviceAccountName'], missing: field === undefined });
      },
      object(object) {
        if (object.name !== 'default' || object.value.automountServiceAccountToken === false) return;
        context.report({ messageId: 'defaultAutomounts', at: [...object.path, 'automountServiceAccountToken'], missing: !Object.hasOwn(object.value, 'automountServiceAccountToken') });
      },
    };
  },
});
