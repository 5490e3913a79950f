import { defineRule } from '../engine/define-rule.js';
import { firstConflict, nodePlacement, type PlacementDemand } from '../k8s/views/node-placement.js';

/**
 * A node holds one value per label, so selectors that demand values of one label that never meet leave a
 * pod Pending forever; against spec.os.name, the kubelet of every node it could land on rejects it. The
 * OS and architecture are the usual case (kubernetes.io/os and its beta twin count as one label); the same
 * reasoning holds for any label. Required node affinity terms are alternatives: the pod is reported only
 * when all of them clash. Preferred affinity never blocks scheduling and is not read.
 */
export default defineRule<'osName' | 'conflict' | 'noTerm'>({
  meta: {
    id: 'node-selector-unsatisfiable',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Pods should not demand node labels (the OS and architecture first) that contradict their spec.os.name or another of their node selectors (nodeSelector, required node affinity): no node can ever run them.',
    remediation: 'Make spec.os.name, the nodeSelector and the required node affinity agree on kubernetes.io/os, kubernetes.io/arch and every label they both name.',
    messages: {
      osName: 'The pod declares {{first}}, but {{second}} excludes such nodes: no node can run it.',
      conflict: '{{second}} contradicts {{first}}: no node can run the pod.',
      noTerm:
        'None of the {{count}} required node affinity terms can match a node: each contradicts spec.os.name, the nodeSelector or itself.',
    },
  },
  create(context) {
    const reportClash = ([first, second]: [PlacementDemand, PlacementDemand]) =>
      context.report({ messageId: first.fromOsName ? 'osName' : 'conflict', data: { first: first.text, second: second.text }, at: second.path });
    return {
      podSpec(pod) {
        const placement = nodePlacement(pod);
        const always = firstConflict([], placement.always);
        if (always) return reportClash(always);
        if (!placement.termsPath || placement.terms.length === 0) return;
        const clashes = placement.terms.map((term) => firstConflict(placement.always, term.demands));
        if (!clashes.every((clash) => clash !== undefined)) return;
        const [only] = clashes;
        if (clashes.length === 1 && only) reportClash(only);
        else context.report({ messageId: 'noTerm', data: { count: clashes.length }, at: placement.termsPath });
      },
    };
  },
});
