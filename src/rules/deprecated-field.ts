import { defineRule } from '../engine/define-rule.js';
import { compareKubeVersions } from '../engine/run-settings.js';
import { isObject, isString, objectItems, valueAt } from '../k8s/json.js';
import type { JsonValue, PodSpecView } from '../k8s/model.js';
import type { Path } from '../types.js';

/** Annotations replaced by fields: the prefix (or exact key), the field to use, since when. */
const ANNOTATIONS: readonly { key: string; prefix?: true; kinds?: readonly string[]; use: string; since: string }[] = [
  { key: 'seccomp.security.alpha.kubernetes.io/pod', use: 'spec.securityContext.seccompProfile', since: '1.19' },
  { key: 'container.seccomp.security.alpha.kubernetes.io/', prefix: true, use: "the container's securityContext.seccompProfile", since: '1.19' },
  { key: 'container.apparmor.security.beta.kubernetes.io/', prefix: true, use: 'securityContext.appArmorProfile', since: '1.30' },
  { key: 'scheduler.alpha.kubernetes.io/critical-pod', use: 'spec.priorityClassName (system-cluster-critical or system-node-critical)', since: '1.16' },
  { key: 'kubernetes.io/ingress.class', kinds: ['Ingress'], use: 'spec.ingressClassName', since: '1.18' },
  { key: 'volume.beta.kubernetes.io/storage-class', kinds: ['PersistentVolumeClaim', 'PersistentVolume'], use: 'spec.storageClassName', since: '1.8' },
  { key: 'storageclass.beta.kubernetes.io/is-default-class', kinds: ['StorageClass'], use: 'the annotation storageclass.kubernetes.io/is-default-class', since: '1.8' },
  { key: 'service.alpha.kubernetes.io/tolerate-unready-endpoints', kinds: ['Service'], use: 'spec.publishNotReadyAddresses', since: '1.11' },
];

/** Node labels with a GA name: the beta name still works on most nodes, but new node pools may drop it. */
const BETA_NODE_LABELS: Readonly<Record<string, { use: string; since: string }>> = {
  'beta.kubernetes.io/os': { use: 'kubernetes.io/os', since: '1.14' },
  'beta.kubernetes.io/arch': { use: 'kubernetes.io/arch', since: '1.14' },
  'beta.kubernetes.io/instance-type': { use: 'node.kubernetes.io/instance-type', since: '1.17' },
  'failure-domain.beta.kubernetes.io/zone': { use: 'topology.kubernetes.io/zone', since: '1.17' },
  'failure-domain.beta.kubernetes.io/region': { use: 'topology.kubernetes.io/region', since: '1.17' },
};

/** Where a pod names node labels: nodeSelector keys, node affinity expressions, topology keys. */
function* nodeLabelUses(pod: PodSpecView): Generator<{ label: string; path: Path }> {
  const spec = pod.spec;
  if (isObject(spec.nodeSelector)) for (const key of Object.keys(spec.nodeSelector)) yield { label: key, path: [...pod.path, 'nodeSelector', key] };
  const affinity = isObject(spec.affinity) ? spec.affinity : undefined;
  const nodeAffinity = affinity && isObject(affinity.nodeAffinity) ? affinity.nodeAffinity : undefined;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  for (const term of objectItems(required, ['nodeSelectorTerms'])) {
    yield* expressionKeys(term.value, [...pod.path, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', term.index]);
  }
  for (const preferred of objectItems(nodeAffinity, ['preferredDuringSchedulingIgnoredDuringExecution'])) {
    if (isObject(preferred.value.preference)) {
      yield* expressionKeys(preferred.value.preference, [...pod.path, 'affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', preferred.index, 'preference']);
    }
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const section = affinity?.[kind];
    for (const term of objectItems(section, ['requiredDuringSchedulingIgnoredDuringExecution'])) {
      if (isString(term.value.topologyKey)) yield { label: term.value.topologyKey, path: [...pod.path, 'affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution', term.index, 'topologyKey'] };
    }
    for (const term of objectItems(section, ['preferredDuringSchedulingIgnoredDuringExecution'])) {
      const inner = term.value.podAffinityTerm;
      if (isObject(inner) && isString(inner.topologyKey)) {
        yield { label: inner.topologyKey, path: [...pod.path, 'affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution', term.index, 'podAffinityTerm', 'topologyKey'] };
      }
    }
  }
  for (const constraint of objectItems(spec, ['topologySpreadConstraints'])) {
    if (isString(constraint.value.topologyKey)) yield { label: constraint.value.topologyKey, path: [...pod.path, 'topologySpreadConstraints', constraint.index, 'topologyKey'] };
  }
}

function* expressionKeys(term: JsonValue, path: Path): Generator<{ label: string; path: Path }> {
  for (const expression of objectItems(term, ['matchExpressions'])) {
    if (isString(expression.value.key)) yield { label: expression.value.key, path: [...path, 'matchExpressions', expression.index, 'key'] };
  }
}

/** Fields deprecated in a release: reported when the target (`--kube-version`) is that release or later. */
const FIELDS: readonly { kind: string; path: readonly string[]; since: string; use: string }[] = [
  // externalIPs let any Service author claim traffic for an address (CVE-2020-8554).
  { kind: 'Service', path: ['spec', 'externalIPs'], since: '1.36', use: 'a LoadBalancer Service or Gateway API' },
];

export default defineRule<'annotation' | 'betaNodeLabel' | 'field'>({
  meta: {
    id: 'deprecated-field',
    category: 'schema',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Objects must not rely on deprecated annotations that fields replaced (seccomp and AppArmor annotations, the critical-pod annotation, the ingress-class and storage-class annotations), on beta node labels (beta.kubernetes.io/os, failure-domain.beta.kubernetes.io/zone…), or on fields the target Kubernetes version deprecates (Service externalIPs from 1.36).',
    remediation: 'Replace the deprecated annotation or node label with the field or label named in the message.',
    messages: {
      annotation: 'Annotation "{{key}}" is deprecated since Kubernetes {{since}}; use {{use}}.',
      betaNodeLabel: 'Node label "{{label}}" is deprecated since Kubernetes {{since}}; use "{{use}}".',
      field: '{{field}} is deprecated since Kubernetes {{since}}; use {{use}}.',
    },
  },
  create(context) {
    function checkAnnotations(annotations: Readonly<Record<string, string>>, metadataPath: Path, kind: string): void {
      for (const key of Object.keys(annotations)) {
        const entry = ANNOTATIONS.find((item) => (item.prefix ? key.startsWith(item.key) : key === item.key) && (!item.kinds || item.kinds.includes(kind)));
        if (entry) context.report({ messageId: 'annotation', data: { key, since: entry.since, use: entry.use }, at: [...metadataPath, 'annotations', key] });
      }
    }
    return {
      object(object) {
        checkAnnotations(object.annotations, [...object.path, 'metadata'], object.kind);
        for (const field of FIELDS) {
          if (field.kind !== object.kind || object.group !== '' || compareKubeVersions(context.settings.kubeVersion, field.since) < 0) continue;
          const value = valueAt(object.value, field.path);
          if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
          context.report({ messageId: 'field', data: { field: field.path.join('.'), since: field.since, use: field.use }, at: [...object.path, ...field.path] });
        }
      },
      podSpec(pod, object) {
        // A Pod's own metadata is its object's, already checked.
        if (pod.metadataPath.length > object.path.length + 1) checkAnnotations(pod.annotations, pod.metadataPath, 'Pod');
        for (const use of nodeLabelUses(pod)) {
          const entry = BETA_NODE_LABELS[use.label];
          if (entry) context.report({ messageId: 'betaNodeLabel', data: { label: use.label, since: entry.since, use: entry.use }, at: use.path });
        }
      },
    };
  },
});
