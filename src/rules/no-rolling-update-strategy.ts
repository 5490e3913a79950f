import { defineRule } from '../engine/define-rule.js';
import { stringAt, valueAt } from '../k8s/json.js';
import { replicasOf } from '../k8s/views/workload.js';

const STRATEGY_FIELD: Readonly<Record<string, string>> = {
  'apps/Deployment': 'strategy',
  'extensions/Deployment': 'strategy',
  'apps/DaemonSet': 'updateStrategy',
  'extensions/DaemonSet': 'updateStrategy',
  'apps/StatefulSet': 'updateStrategy',
  'apps.openshift.io/DeploymentConfig': 'strategy',
};

/** OpenShift DeploymentConfigs call the rolling strategy `Rolling`. */
const ROLLING = new Set(['RollingUpdate', 'Rolling']);

/**
 * As kube-linter's no-rolling-update-strategy: Recreate (Deployments) and OnDelete (DaemonSets,
 * StatefulSets) take every replica down at once or never update. An unset strategy is RollingUpdate by
 * default and passes, unless its maxUnavailable (100%, or a number of at least the replicas) lets every
 * replica go at once.
 */
export default defineRule({
  meta: {
    id: 'no-rolling-update-strategy',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['apps/Deployment', 'extensions/Deployment', 'apps/DaemonSet', 'extensions/DaemonSet', 'apps/StatefulSet', 'apps.openshift.io/DeploymentConfig'],
    summary:
      'Deployments, DaemonSets and StatefulSets should update with RollingUpdate, keeping some replicas up: Recreate (or a maxUnavailable that covers every replica) stops every pod before starting new ones, OnDelete leaves old pods running until someone deletes them.',
    remediation: 'Use strategy.type (Deployment) or updateStrategy.type (DaemonSet, StatefulSet) RollingUpdate, or leave it unset.',
    messages: {
      notRolling: '{{kind}} "{{name}}" updates with {{type}}, not RollingUpdate.',
      allAtOnce: '{{kind}} "{{name}}" allows maxUnavailable {{value}} of {{replicas}} replica(s): a rollout may take every replica down at once.',
    },
  },
  create(context) {
    return {
      object(object) {
        const field = STRATEGY_FIELD[`${object.group}/${object.kind}`];
        if (!field) return;
        const type = stringAt(object.value, ['spec', field, 'type']);
        if (type === undefined || ROLLING.has(type)) {
          // A rolling update whose maxUnavailable covers every replica is a Recreate in disguise.
          const max = valueAt(object.value, ['spec', field, 'rollingUpdate', 'maxUnavailable']);
          const replicas = replicasOf(object);
          const all = max === '100%' || (typeof max === 'number' && replicas !== undefined && replicas > 1 && max >= replicas);
          if (all) context.report({ messageId: 'allAtOnce', data: { kind: object.kind, name: object.name ?? '', value: String(max), replicas: replicas ?? 'all' }, at: [...object.path, 'spec', field, 'rollingUpdate', 'maxUnavailable'] });
          return;
        }
        context.report({ messageId: 'notRolling', data: { kind: object.kind, name: object.name ?? '', type }, at: [...object.path, 'spec', field, 'type'] });
      },
    };
  },
});
