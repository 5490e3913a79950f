import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { labelSelectorMatches, mapSelectorMatches } from '../k8s/selectors.js';

/** Controllers with a `spec.selector` over their own template; ReplicationControllers use a plain map. */
const SELECTING = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/DaemonSet', 'extensions/ReplicaSet', 'argoproj.io/Rollout']);
const MAP_SELECTING = new Set(['/ReplicationController', 'apps.openshift.io/DeploymentConfig']);

/**
 * The API server rejects a workload whose selector does not select its own template ("selector does not
 * match template labels"); kube-linter's mismatching-selector and kube-score check it before apply.
 * An unset selector on a ReplicationController or DeploymentConfig defaults to the template labels.
 */
export default defineRule({
  meta: {
    id: 'selector-template-label-mismatch',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    kinds: ['workloads'],
    summary: "A workload's spec.selector must select the labels of its own pod template; the API server rejects it otherwise.",
    remediation: 'Make spec.template.metadata.labels carry every label spec.selector asks for.',
    messages: {
      mismatch: 'The selector of {{kind}} "{{name}}" does not match the labels of its pod template.',
      missing: '{{kind}} "{{name}}" has no spec.selector, which the API server requires.',
    },
  },
  create(context) {
    return {
      object(object) {
        const key = `${object.group}/${object.kind}`;
        const map = MAP_SELECTING.has(key);
        if (!map && !SELECTING.has(key)) return;
        const selector = valueAt(object.value, ['spec', 'selector']);
        if (selector === undefined && map) return;
        // extensions/v1beta1 and apps/v1beta1–2 default a missing selector from the template labels.
        if (selector === undefined && (object.group === 'extensions' || /^apps\/v1beta[12]$/.test(object.apiVersion))) return;
        const labels = object.pods[0]?.labels ?? {};
        const matches = map ? mapSelectorMatches(selector, labels) : labelSelectorMatches(selector, labels);
        if (matches) return;
        context.report({ messageId: selector === undefined ? 'missing' : 'mismatch', data: { kind: object.kind, name: object.name ?? '' }, at: [...object.path, 'spec', 'selector'], missing: selector === undefined });
      },
    };
  },
});
