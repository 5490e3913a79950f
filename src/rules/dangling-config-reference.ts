import { defineRule } from '../engine/define-rule.js';
import { CLUSTER_CONFIG_MAPS, type ConfigKind, configReferences, dataKeys, holdsProviders, providersOf } from '../k8s/views/config-references.js';
import type { Location } from '../types.js';

interface Options {
  secrets: boolean;
}

/** What each reference keeps until the index is complete: what it names, in which namespace, and where. */
interface Watch {
  kind: ConfigKind;
  name: string;
  /** The key a keyed reference reads. */
  key: string | undefined;
  namespace: string;
  at: Location;
}

/**
 * kube-linter's env-value-from covers env only; this covers every place a pod names a ConfigMap or Secret:
 * env, envFrom, volumes, projected sources and imagePullSecrets, and the key of a keyed reference. A
 * reference marked optional is never reported. Secrets that a SealedSecret, ExternalSecret or cert-manager
 * Certificate of the input produces count as present; `kube-root-ca.crt` is the cluster's. Secrets are
 * checked only with the `secrets` option or a complete run: they are routinely created outside Git (a
 * vault or an init job writes them, as Argo CD's redis password), so a missing one is usually fine. A namespace
 * whose ConfigMaps (or Secrets) the input does not carry is skipped, unless the run is complete.
 */
export default defineRule<'missing' | 'missingKey', Options, Watch>({
  meta: {
    id: 'dangling-config-reference',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    summary:
      'ConfigMaps and Secrets that a pod reads (env, envFrom, volumes, projected volumes, imagePullSecrets) should exist in its namespace with the keys it reads, unless the reference is optional; otherwise the pod does not start.',
    remediation: 'Add the ConfigMap or Secret (or the key) to the manifests, fix the name, or mark the reference optional: true.',
    messages: {
      missing: 'The pod reads {{kind}} "{{name}}", which is not in namespace "{{namespace}}".',
      missingKey: 'The pod reads key "{{key}}" of {{kind}} "{{name}}", which has no such key.',
    },
    options: {
      type: 'object',
      properties: { secrets: { type: 'boolean', description: 'Also check references to Secrets (always checked when the run is complete).' } },
      additionalProperties: false,
    },
    defaultOptions: { secrets: false },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const namespace = object.namespace ?? context.settings.namespace;
        for (const ref of configReferences(pod)) {
          if (ref.optional || (ref.kind === 'ConfigMap' && CLUSTER_CONFIG_MAPS.has(ref.name))) continue;
          if (ref.kind === 'Secret' && !context.options.secrets && !context.settings.complete) continue;
          context.watch({ kind: ref.kind, name: ref.name, key: ref.key, namespace, at: context.locate(ref.path) });
        }
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { kind, name, key, namespace, at } = watch.data;
      const data = { kind, name, namespace, key: key ?? '' };
      const providers = providersOf(index, namespace, kind, name);
      if (providers.length === 0) {
        if (holdsProviders(index, namespace, kind)) context.report({ messageId: 'missing', data, at }, watch);
        continue;
      }
      const own = providers.find((record) => record.kind === kind);
      if (key !== undefined && own && providers.length === 1 && !dataKeys(own).has(key)) {
        context.report({ messageId: 'missingKey', data, at, related: [{ at: own.at, message: `${kind} "${name}"` }] }, watch);
      }
    }
  },
});
