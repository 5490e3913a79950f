import { defineRule } from '../engine/define-rule.js';
import { numberAt } from '../k8s/json.js';
import { autoscalersOf } from '../k8s/views/autoscaling.js';
import { replicasOf } from '../k8s/views/workload.js';
import type { Location } from '../types.js';

interface Options {
  minReplicas: number;
}

/**
 * Polaris and kube-score want 2 replicas, kube-linter 3: the default is 2 (one pod can go while the other
 * serves), and teams that spread over three zones set 3. Unset replicas count as the API default, 1,
 * unless an HPA of the run scales the workload: then the HPA owns the count (see hpa-min-replicas-too-low).
 */
/** What a workload with too few replicas keeps until the index is complete. */
interface Watch {
  namespace: string | undefined;
  written: boolean;
  data: { kind: string; name: string; replicas: number; min: number };
  at: Location;
}

export default defineRule<'tooFew' | 'unset', Options, Watch>({
  meta: {
    id: 'insufficient-replicas',
    category: 'reliability',
    level: 'note',
    presets: [],
    crossObject: true,
    kinds: ['apps/Deployment', 'apps/StatefulSet', 'apps.openshift.io/DeploymentConfig', 'argoproj.io/Rollout'],
    summary:
      'Deployments and StatefulSets should run at least two replicas (configurable), so one pod can be rescheduled or updated while another serves; workloads an HPA of the input scales are left to the HPA.',
    remediation: 'Set spec.replicas to at least the minimum, or let a HorizontalPodAutoscaler with minReplicas of at least the minimum scale the workload.',
    messages: {
      tooFew: '{{kind}} "{{name}}" runs {{replicas}} replica(s); at least {{min}} keep it available during disruptions.',
      unset: '{{kind}} "{{name}}" leaves replicas unset, so it runs 1 replica; at least {{min}} keep it available during disruptions.',
    },
    options: {
      type: 'object',
      properties: { minReplicas: { type: 'integer', minimum: 1, description: 'The smallest acceptable replica count (kube-linter uses 3).' } },
      additionalProperties: false,
    },
    defaultOptions: { minReplicas: 2 },
  },
  create(context) {
    return {
      object(object) {
        const replicas = replicasOf(object);
        const min = context.options.minReplicas;
        if (replicas === undefined || replicas >= min) return;
        const written = numberAt(object.value, ['spec', 'replicas']) !== undefined;
        const at = context.locate([...object.path, 'spec', 'replicas'], { missing: !written });
        const data = { kind: object.kind, name: object.name ?? '', replicas, min };
        context.watch({ namespace: object.namespace ?? context.settings.namespace, written, data, at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, written, data, at } = watch.data;
      if (autoscalersOf(index, { kind: record.kind, group: record.group, name: record.name, namespace }).length > 0) continue;
      context.report({ messageId: written ? 'tooFew' : 'unset', data, at }, watch);
    }
  },
});
