import { defineRule } from '../engine/define-rule.js';
import { isNumber, isObject, isString, objectItems } from '../k8s/json.js';
import { replicasOf } from '../k8s/views/workload.js';

/**
 * Polaris asks every controller for topologySpreadConstraints; kmlint asks only workloads with several
 * replicas (one pod has nothing to spread; DaemonSets are spread by construction), and, like kube-score's
 * pod-topology-spread-constraints, checks every written constraint: a labelSelector, a topologyKey, a
 * maxSkew and minDomains of at least 1.
 */
export default defineRule({
  meta: {
    id: 'missing-topology-spread',
    category: 'reliability',
    level: 'note',
    presets: [],
    summary:
      'Workloads with several replicas should spread them over zones or nodes with topologySpreadConstraints, and every constraint needs a labelSelector, a topologyKey, and maxSkew and minDomains of at least 1.',
    remediation: 'Add a topologySpreadConstraint (topologyKey topology.kubernetes.io/zone, maxSkew 1, a labelSelector matching the pod labels), or fix the written one.',
    messages: {
      missing: '{{kind}} "{{name}}" runs {{replicas}} replicas without topologySpreadConstraints.',
      invalid: 'Topology spread constraint {{item}} {{problem}}.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const constraints = [...objectItems(pod.spec, ['topologySpreadConstraints'])];
        for (const { value, path, index } of constraints) {
          const at = [...pod.path, ...path];
          const problems: [string, string][] = [];
          if (!isObject(value.labelSelector)) problems.push(['labelSelector', 'has no labelSelector, so it counts every pod of the namespace']);
          if (!isString(value.topologyKey) || value.topologyKey === '') problems.push(['topologyKey', 'has no topologyKey']);
          if (isNumber(value.maxSkew) && value.maxSkew < 1) problems.push(['maxSkew', 'has a maxSkew below 1']);
          if (isNumber(value.minDomains) && value.minDomains < 1) problems.push(['minDomains', 'has a minDomains below 1']);
          for (const [field, problem] of problems) {
            context.report({ messageId: 'invalid', data: { item: index + 1, problem }, at: [...at, field], missing: value[field] === undefined });
          }
        }
        const replicas = replicasOf(object);
        if (constraints.length > 0 || replicas === undefined || replicas < 2) return;
        context.report({ messageId: 'missing', data: { kind: object.kind, name: object.name ?? '', replicas }, at: [...pod.path, 'topologySpreadConstraints'], missing: true });
      },
    };
  },
});
