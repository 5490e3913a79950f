import { defineRule } from '../engine/define-rule.js';

/**
 * As kube-linter's no-node-affinity (off there too): opt-in, for clusters whose node pools must be chosen
 * explicitly. A nodeSelector does the same job and passes.
 */
export default defineRule({
  meta: {
    id: 'no-node-affinity',
    category: 'reliability',
    level: 'note',
    presets: [],
    summary: 'Pods may be asked to choose their nodes (spec.affinity.nodeAffinity or a nodeSelector); opt-in, for clusters with distinct node pools.',
    remediation: 'Add spec.affinity.nodeAffinity or spec.nodeSelector naming the node pool the workload belongs on.',
    messages: {
      missing: 'The pod sets neither a node affinity nor a nodeSelector.',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        const affinity = pod.spec.affinity;
        const hasAffinity = typeof affinity === 'object' && affinity !== null && !Array.isArray(affinity) && affinity.nodeAffinity !== undefined;
        if (hasAffinity || pod.spec.nodeSelector !== undefined) return;
        context.report({ messageId: 'missing', at: [...pod.path, 'affinity', 'nodeAffinity'], missing: true });
      },
    };
  },
});
