import { defineRule } from '../engine/define-rule.js';
import { DEFAULT_EXEMPT_NAMESPACES, exemptNamespaces, exemptNamespacesSchema, type ExemptNamespacesOptions } from '../k8s/views/pod-security-exemptions.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

export default defineRule<'unlabelled' | 'privileged', ExemptNamespacesOptions>({
  meta: {
    id: 'namespace-missing-pod-security-labels',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: ['cis'],
    cis: '5.2.1',
    tags: ['control-plane'],
    kinds: ['namespaces'],
    summary:
      'A Namespace should carry a pod-security.kubernetes.io/enforce label of baseline or restricted: without one, or with privileged, Pod Security admission lets any pod in, privileged ones included.',
    remediation: 'Label the namespace pod-security.kubernetes.io/enforce: baseline (or restricted), with the matching enforce-version.',
    messages: {
      unlabelled: 'Namespace "{{name}}" has no {{label}} label: its pods are admitted at the cluster default level (privileged unless the PodSecurity admission configuration sets another).',
      privileged: 'Namespace "{{name}}" enforces level privileged: any pod is admitted.',
    },
    options: exemptNamespacesSchema(
      'Namespaces that may run privileged pods (kube-system by default, where the control plane and node agents run).',
    ),
    defaultOptions: DEFAULT_EXEMPT_NAMESPACES,
  },
  create(context) {
    const exempt = exemptNamespaces(context.options);
    return {
      object(object) {
        const name = object.name ?? '';
        if (exempt.has(name)) return;
        const level = object.labels[ENFORCE];
        const at = [...object.path, 'metadata', 'labels', ENFORCE];
        if (level === undefined) context.report({ messageId: 'unlabelled', data: { name, label: ENFORCE }, at, missing: true });
        else if (level === 'privileged') context.report({ messageId: 'privileged', data: { name }, at });
      },
    };
  },
});
