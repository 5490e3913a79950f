import { defineRule } from '../engine/define-rule.js';
import { isString } from '../k8s/json.js';

/** As kube-linter's deprecated-service-account-field and Kubescape C-0294: `serviceAccount` is an alias kept for old clients. */
export default defineRule({
  meta: {
    id: 'deprecated-service-account-field',
    category: 'schema',
    level: 'warning',
    presets: ['recommended'],
    summary: 'Pods should name their ServiceAccount with serviceAccountName, not the deprecated serviceAccount alias (which loses when both are set and differ).',
    remediation: 'Rename spec.serviceAccount to spec.serviceAccountName.',
    messages: {
      deprecated: 'The pod sets the deprecated serviceAccount field ("{{name}}"); use serviceAccountName.',
      conflict: 'The pod sets serviceAccount "{{name}}" and serviceAccountName "{{other}}": serviceAccountName wins.',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        const alias = pod.spec.serviceAccount;
        if (!isString(alias)) return;
        const name = pod.spec.serviceAccountName;
        const at = [...pod.path, 'serviceAccount'];
        if (isString(name) && name !== alias) context.report({ messageId: 'conflict', data: { name: alias, other: name }, at });
        else context.report({ messageId: 'deprecated', data: { name: alias }, at });
      },
    };
  },
});
