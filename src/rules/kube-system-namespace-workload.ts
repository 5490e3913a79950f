import { defineRule } from '../engine/define-rule.js';
import { stringAt } from '../k8s/json.js';

const SYSTEM_PRIORITY_CLASSES = new Set(['system-node-critical', 'system-cluster-critical']);

/**
 * Cluster add-ons belong there: kubeadm's static control-plane pods (tier: control-plane), and workloads
 * with a system-node-critical or system-cluster-critical priority class, which the API server admits
 * only in kube-system by default (CNI agents, DNS).
 */
export default defineRule({
  meta: {
    id: 'kube-system-namespace-workload',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    kinds: ['workloads'],
    summary: 'Workloads should not run in kube-system, beside the control plane and its credentials, where namespace-wide rights and policies meant for system components apply to them.',
    remediation: 'Move the workload to a namespace of its own.',
    messages: {
      kubeSystem: '{{kind}} "{{name}}" runs in the kube-system namespace.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.namespace !== 'kube-system' || object.labels.tier === 'control-plane') return;
        if (object.pods.some((pod) => SYSTEM_PRIORITY_CLASSES.has(stringAt(pod.spec, ['priorityClassName']) ?? ''))) return;
        context.report({ messageId: 'kubeSystem', data: { kind: object.kind, name: object.name ?? '(unnamed)' }, at: [...object.path, 'metadata', 'namespace'] });
      },
    };
  },
});
