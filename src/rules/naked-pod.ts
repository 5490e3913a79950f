import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/** As Kubescape's C-0073: a Pod no controller owns is not recreated when its node goes away. */
export default defineRule({
  meta: {
    id: 'naked-pod',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['/Pod'],
    summary: 'Pods should be created by a controller (Deployment, StatefulSet, Job…): a bare Pod is not recreated when its node fails or is drained.',
    remediation: 'Wrap the pod in a Deployment, StatefulSet, DaemonSet or Job.',
    messages: {
      naked: 'Pod "{{name}}" is not managed by a controller.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (Array.isArray(valueAt(object.value, ['metadata', 'ownerReferences']))) return;
        context.report({ messageId: 'naked', data: { name: object.name ?? '' }, at: [...object.path, 'kind'] });
      },
    };
  },
});
