import { defineRule } from '../engine/define-rule.js';
import { isBoolean, isString } from '../k8s/json.js';
import { bindingNamesServiceAccount } from '../k8s/rbac.js';
import type { Location } from '../types.js';

/** What a pod spec that may mount the token keeps until the index is complete. */
interface Watch {
  namespace: string;
  account: string;
  /** The pod writes automountServiceAccountToken: true. */
  explicit: boolean;
  at: Location;
}

/**
 * The pod's field wins over the ServiceAccount's; when the pod leaves it unset, a ServiceAccount of the
 * input with automountServiceAccountToken: false keeps the token out. A service account that a binding of
 * the input names (by itself, not through a group of every service account) evidently calls the API, so
 * its token is not reported.
 */
export default defineRule<'unset' | 'enabled', Record<string, never>, Watch>({
  meta: {
    id: 'automount-service-account-token',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.5,
    presets: ['recommended', 'cis'],
    cis: '5.1.6',
    tags: ['service-account'],
    crossObject: true,
    summary:
      'Pods that do not call the Kubernetes API should not get a service account token mounted: whoever takes over a container gets the token and every right it carries.',
    remediation: 'Set automountServiceAccountToken: false on the pod (or on its ServiceAccount), and mount a projected token only into pods that call the API.',
    messages: {
      unset: 'Pods of {{kind}} "{{name}}" get the token of service account "{{account}}" mounted: neither the pod nor the service account sets automountServiceAccountToken: false.',
      enabled: 'Pods of {{kind}} "{{name}}" set automountServiceAccountToken: true, yet no binding of the input gives service account "{{account}}" any rights.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const written = pod.spec.automountServiceAccountToken;
        if (written === false) return;
        // An empty name is no name: the API server gives the pod the `default` ServiceAccount.
        const account = [pod.spec.serviceAccountName, pod.spec.serviceAccount].find((name): name is string => isString(name) && name !== '') ?? 'default';
        const namespace = object.namespace ?? context.settings.namespace;
        const explicit = written === true;
        const at = context.locate([...pod.path, 'automountServiceAccountToken'], { missing: !explicit });
        context.watch({ namespace, account, explicit, at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, account, explicit, at } = watch.data;
      if (bindingNamesServiceAccount(index, namespace, account)) continue;
      if (!explicit) {
        const serviceAccount = index.get('ServiceAccount', namespace, account, '');
        const setting = serviceAccount?.value.automountServiceAccountToken;
        if (isBoolean(setting) && !setting) continue;
      }
      context.report({ messageId: explicit ? 'enabled' : 'unset', data: { kind: record.kind, name: record.name ?? '', account }, at }, watch);
    }
  },
});
