import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { scopeKey } from '../k8s/object-index.js';
import { SelectorTable } from '../k8s/selectors.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import { replicasOf } from '../k8s/views/workload.js';
import type { Location } from '../types.js';

/** What a replicated workload keeps until the index is complete: its first pod template's labels are the record's. */
interface Watch {
  namespace: string;
  replicas: number;
  at: Location;
}

/**
 * As Polaris' missingPodDisruptionBudget and kube-score's *-has-poddisruptionbudget: a Deployment or
 * StatefulSet with several replicas should have a PodDisruptionBudget, or a node drain may evict every
 * replica at once. Unless the run is complete, only namespaces where the input carries some
 * PodDisruptionBudget are judged (budgets often live in another chart or folder).
 */
export default defineRule<'missing', Record<string, never>, Watch>({
  meta: {
    id: 'missing-pod-disruption-budget',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['apps/Deployment', 'apps/StatefulSet', 'argoproj.io/Rollout'],
    summary: 'Deployments and StatefulSets with more than one replica should be covered by a PodDisruptionBudget, so drains and upgrades keep some of them running.',
    remediation: 'Add a PodDisruptionBudget (maxUnavailable: 1, say) whose selector matches the pod template labels.',
    messages: {
      missing: '{{kind}} "{{name}}" runs {{replicas}} replicas and no PodDisruptionBudget of namespace "{{namespace}}" selects its pods.',
    },
  },
  create(context) {
    return {
      object(object) {
        const replicas = replicasOf(object);
        const pod = object.pods[0];
        if (replicas === undefined || replicas < 2 || !pod) return;
        const namespace = object.namespace ?? context.settings.namespace;
        // A nameless workload (a schema error) is found at the metadata that should name it.
        context.watch({ namespace, replicas, at: context.locate([...object.path, 'metadata', 'name'], { missing: object.name === undefined }) });
      },
    };
  },
  checkIndex(index, context) {
    // Budgets by the label their selector requires, built once per run: every workload asks.
    const budgets = index.ruleMemo('budgets-by-selector', () =>
      new SelectorTable(index.ofKind('PodDisruptionBudget', 'policy'), (pdb) => scopeKey(pdb.namespace), (pdb) => valueAt(pdb.value, ['spec', 'selector']), 'label'),
    );
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, replicas, at } = watch.data;
      if (budgets.selecting(scopeKey(namespace), record.pods[0]!.labels).length > 0) continue;
      if (!inputHoldsKind(index, namespace, 'PodDisruptionBudget', 'policy')) continue;
      context.report({ messageId: 'missing', data: { kind: record.kind, name: record.name ?? '(unnamed)', replicas, namespace }, at }, watch);
    }
  },
});
