import { defineRule } from '../engine/define-rule.js';
import { isObject, objectItems, valueAt } from '../k8s/json.js';
import { selectsEverything } from '../k8s/selectors.js';
import { anyWorkloadSelected, inputHoldsTemplates, operatorMayCreatePods } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** The list of peers in each direction's rules. */
const PEERS = { ingress: 'from', egress: 'to' } as const;

/** What a peer with a pod selector keeps until the index is complete: the selector is read again from the record's value. */
interface Watch {
  namespace: string;
  direction: 'ingress' | 'egress';
  /** Where the peer is: `spec.<direction>[rule].<PEERS[direction]>[peer]`. */
  rule: number;
  peer: number;
  at: Location;
}

/**
 * As kube-linter's dangling-networkpolicypeer-podselector: a peer podSelector (without a namespaceSelector,
 * so in the policy's own namespace) that matches no pod template allows or denies nothing. Peers with a
 * namespaceSelector point at other namespaces and are not judged; partial inputs and operators' pods are
 * treated as in dangling-service.
 */
export default defineRule<'noPods', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-network-policy-peer',
    category: 'reliability',
    level: 'note',
    presets: [],
    crossObject: true,
    kinds: ['network-policies'],
    summary: "A NetworkPolicy peer's podSelector (in the policy's namespace) should match the pod template of some workload; otherwise the rule allows nothing.",
    remediation: 'Fix the peer podSelector so it matches the pods meant to send or receive the traffic.',
    messages: {
      noPods: 'NetworkPolicy "{{name}}" has a {{direction}} peer whose podSelector matches no pod template in namespace "{{namespace}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        const namespace = object.namespace ?? context.settings.namespace;
        for (const direction of ['ingress', 'egress'] as const) {
          for (const rule of objectItems(object.value, ['spec', direction])) {
            for (const peer of objectItems(rule.value, [PEERS[direction]])) {
              const selector = peer.value.podSelector;
              if (!isObject(selector) || selectsEverything(selector) || peer.value.namespaceSelector !== undefined) continue;
              const at = context.locate([...object.path, ...rule.path, ...peer.path, 'podSelector']);
              context.watch({ namespace, direction, rule: rule.index, peer: peer.index, at });
            }
          }
        }
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { namespace, direction, rule, peer, at } = watch.data;
      const selector = valueAt(watch.record.value, ['spec', direction, rule, PEERS[direction], peer, 'podSelector']);
      if (anyWorkloadSelected(index, namespace, selector)) continue;
      if (!inputHoldsTemplates(index, namespace) || operatorMayCreatePods(index, namespace)) continue;
      context.report({ messageId: 'noPods', data: { name: watch.record.name ?? '', direction, namespace }, at }, watch);
    }
  },
});
