import { defineRule } from '../engine/define-rule.js';
import { isObject, objectItems } from '../k8s/json.js';
import { selectsEverything } from '../k8s/selectors.js';
import { anyWorkloadSelected, inputHoldsTemplates, operatorMayCreatePods } from '../k8s/views/references.js';

/**
 * As kube-linter's dangling-networkpolicypeer-podselector: a peer podSelector (without a namespaceSelector,
 * so in the policy's own namespace) that matches no pod template allows or denies nothing. Peers with a
 * namespaceSelector point at other namespaces and are not judged; partial inputs and operators' pods are
 * treated as in dangling-service.
 */
export default defineRule({
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
        for (const [list, peers, direction] of [['ingress', 'from', 'ingress'], ['egress', 'to', 'egress']] as const) {
          for (const rule of objectItems(object.value, ['spec', list])) {
            for (const peer of objectItems(rule.value, [peers])) {
              const selector = peer.value.podSelector;
              if (!isObject(selector) || selectsEverything(selector) || peer.value.namespaceSelector !== undefined) continue;
              const at = context.locate([...object.path, ...rule.path, ...peer.path, 'podSelector']);
              const kept = context.hold({ namespace });
              context.afterIndex((index) => {
                const { namespace } = kept;
                if (anyWorkloadSelected(index, namespace, selector)) return;
                if (!inputHoldsTemplates(index, namespace) || operatorMayCreatePods(index, namespace)) return;
                context.report({ messageId: 'noPods', data: { name: object.name ?? '', direction, namespace }, at });
              });
            }
          }
        }
      },
    };
  },
});
