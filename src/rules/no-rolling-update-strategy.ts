import { defineRule } from '../engine/define-rule.js';
import { stringAt } from '../k8s/json.js';

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
 * default and passes.
 */
export default defineRule({
  meta: {
    id: 'no-rolling-update-strategy',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['apps/Deployment', 'extensions/Deployment', 'apps/DaemonSet', 'extensions/DaemonSet', 'apps/StatefulSet', 'apps.openshift.io/DeploymentConfig'],
    summary:
      'Deployments, DaemonSets and StatefulSets should update with RollingUpdate: Recreate stops every pod before starting new ones, OnDelete leaves old pods running until someone deletes them.',
    remediation: 'Use strategy.type (Deployment) or updateStrategy.type (DaemonSet, StatefulSet) RollingUpdate, or leave it unset.',
    messages: {
      notRolling: '{{kind}} "{{name}}" updates with {{type}}, not RollingUpdate.',
    },
  },
  create(context) {
    return {
      object(object) {
        const field = STRATEGY_FIELD[`${object.group}/${object.kind}`];
        if (!field) return;
        const type = stringAt(object.value, ['spec', field, 'type']);
        if (type === undefined || ROLLING.has(type)) return;
        context.report({ messageId: 'notRolling', data: { kind: object.kind, name: object.name ?? '', type }, at: [...object.path, 'spec', field, 'type'] });
      },
    };
  },
});
