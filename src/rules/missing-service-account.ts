import { defineRule } from '../engine/define-rule.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import { podServiceAccount } from '../k8s/views/service-account.js';
import type { Location } from '../types.js';

/** What a pod spec naming a service account keeps until the index is complete. */
interface Watch {
  namespace: string;
  account: string;
  at: Location;
}

/**
 * As kube-linter's non-existent-service-account and Kubescape C-0307: the pod's serviceAccountName must
 * be a ServiceAccount of its namespace, or the pod is never created. `default` is the cluster's own; a
 * namespace whose ServiceAccounts the input does not carry is skipped, unless the run is complete.
 */
export default defineRule<'missing', Record<string, never>, Watch>({
  meta: {
    id: 'missing-service-account',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    summary: 'A pod\'s serviceAccountName should name a ServiceAccount of its namespace; the controller cannot create the pods otherwise.',
    remediation: 'Add the ServiceAccount to the manifests, or fix the name.',
    messages: {
      missing: 'The pod runs as ServiceAccount "{{account}}", which is not in namespace "{{namespace}}".',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const { account, field } = podServiceAccount(pod.spec);
        if (field === undefined || (account === 'default' && !context.settings.complete)) return;
        const at = context.locate([...pod.path, field]);
        context.watch({ namespace: object.namespace ?? context.settings.namespace, account, at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { namespace, account, at } = watch.data;
      if (index.get('ServiceAccount', namespace, account, '')) continue;
      if (!inputHoldsKind(index, namespace, 'ServiceAccount', '')) continue;
      context.report({ messageId: 'missing', data: { account, namespace }, at }, watch);
    }
  },
});
