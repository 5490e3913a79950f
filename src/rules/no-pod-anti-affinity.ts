import { defineRule } from '../engine/define-rule.js';
import { isObject, isStringList, objectItems } from '../k8s/json.js';
import type { JsonObject } from '../k8s/model.js';
import { labelSelectorMatches, type Labels } from '../k8s/selectors.js';
import { replicasOf } from '../k8s/views/workload.js';

interface Options {
  minReplicas: number;
  topologyKey: string;
}

const ANTI_AFFINITY_LISTS = ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'];

/** A term (required, or the podAffinityTerm of a preferred one) that keeps the workload's own pods apart on the key. */
function spreadsOwnPods(term: JsonObject, labels: Labels, namespace: string, topologyKey: string): boolean {
  const inner = isObject(term.podAffinityTerm) ? term.podAffinityTerm : term;
  if (inner.topologyKey !== topologyKey) return false;
  if (isStringList(inner.namespaces) && inner.namespaces.length > 0 && !inner.namespaces.includes(namespace)) return false;
  return labelSelectorMatches(inner.labelSelector, labels);
}

/**
 * As kube-linter's no-anti-affinity and kube-score's *-has-host-podantiaffinity: replicated workloads keep
 * their own pods on different nodes, with a pod anti-affinity term (required or preferred) on the node
 * hostname whose selector matches their labels. A topology spread constraint on the same key does the
 * same job and also passes.
 */
export default defineRule<'missing', Options>({
  meta: {
    id: 'no-pod-anti-affinity',
    category: 'reliability',
    level: 'note',
    presets: [],
    summary:
      'Workloads with several replicas should spread them over nodes (a pod anti-affinity or a topology spread constraint on kubernetes.io/hostname that selects their own pods), so one node failure does not take every replica.',
    remediation: 'Add spec.affinity.podAntiAffinity (preferred or required) on topologyKey kubernetes.io/hostname selecting the pod\'s own labels, or a matching topologySpreadConstraint.',
    messages: {
      missing: '{{kind}} "{{name}}" runs {{replicas}} replicas with nothing that keeps them on different nodes.',
    },
    options: {
      type: 'object',
      properties: {
        minReplicas: { type: 'integer', minimum: 2, description: 'Only workloads with at least this many replicas are checked.' },
        topologyKey: { type: 'string', description: 'The topology key the replicas must be spread over.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minReplicas: 2, topologyKey: 'kubernetes.io/hostname' },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const replicas = replicasOf(object);
        if (replicas === undefined || replicas < context.options.minReplicas) return;
        const namespace = object.namespace ?? context.settings.namespace;
        const { topologyKey } = context.options;
        const antiAffinity = [...ANTI_AFFINITY_LISTS].flatMap((list) => [...objectItems(pod.spec, ['affinity', 'podAntiAffinity', list])]);
        if (antiAffinity.some(({ value }) => spreadsOwnPods(value, pod.labels, namespace, topologyKey))) return;
        const spread = [...objectItems(pod.spec, ['topologySpreadConstraints'])];
        if (spread.some(({ value }) => value.topologyKey === topologyKey && labelSelectorMatches(value.labelSelector, pod.labels))) return;
        context.report({ messageId: 'missing', data: { kind: object.kind, name: object.name ?? '', replicas }, at: [...pod.path, 'affinity', 'podAntiAffinity'], missing: true });
      },
    };
  },
});
