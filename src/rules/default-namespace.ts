import { defineRule } from '../engine/define-rule.js';
import { isNamespaced } from '../k8s/kinds.js';

const BUILT_IN_GROUPS = new Set(['apps', 'batch', 'policy', 'autoscaling', 'extensions']);
/** Input files of command-line tools: `istioctl install -f` reads an IstioOperator, no cluster stores it (Istio 1.24 dropped the in-cluster operator). */
const TOOL_GROUPS = new Set(['kustomize.config.k8s.io', 'install.istio.io']);

/**
 * As kube-linter's use-namespace, Checkov CKV_K8S_21 and CIS 5.7.4: objects should not land in `default`.
 * An object without metadata.namespace lands in the run's namespace (`--namespace`), so Helm or kustomize
 * output applied to another namespace is not reported.
 */
export default defineRule({
  meta: {
    id: 'default-namespace',
    category: 'best-practice',
    level: 'note',
    presets: ['cis'],
    cis: '5.7.4',
    summary:
      'Namespaced objects should not land in the default namespace, where policies, quotas and RBAC are rarely set; an object without metadata.namespace lands in the namespace of the run (--namespace).',
    remediation: 'Set metadata.namespace (or apply with --namespace) to a namespace made for the application.',
    messages: {
      explicit: '{{kind}} "{{name}}" is in the default namespace.',
      implicit: '{{kind}} "{{name}}" names no namespace, so it lands in "default".',
    },
  },
  create(context) {
    return {
      object(object) {
        if (!isNamespaced(object.group, object.kind)) return;
        // Tools' own files (kustomize, skaffold, istioctl's IstioOperator) are never applied to a namespace.
        if (TOOL_GROUPS.has(object.group) || (object.group !== '' && !object.group.includes('.') && !BUILT_IN_GROUPS.has(object.group))) return;
        const data = { kind: object.kind, name: object.name ?? '' };
        if (object.namespace === 'default') context.report({ messageId: 'explicit', data, at: [...object.path, 'metadata', 'namespace'] });
        else if (object.namespace === undefined && context.settings.namespace === 'default') {
          context.report({ messageId: 'implicit', data, at: [...object.path, 'metadata', 'namespace'], missing: true });
        }
      },
    };
  },
});
