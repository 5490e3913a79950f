import { defineRule } from '../engine/define-rule.js';
import { isString, objectItems } from '../k8s/json.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** What each Service backendRef of a route keeps until the index is complete: the name and the namespace it resolves to. */
interface Watch {
  name: string;
  namespace: string;
  at: Location;
}

/**
 * As Kubescape C-0302: a Gateway API route's backendRef to a Service (the default kind) that is not in the
 * namespace it names (the route's own by default) answers 500 for that share of traffic. References to
 * other kinds, and namespaces whose Services the input does not carry, are skipped unless the run is
 * complete.
 */
export default defineRule<'noService', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-gateway-backend',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['gateway.networking.k8s.io/HTTPRoute', 'gateway.networking.k8s.io/GRPCRoute', 'gateway.networking.k8s.io/TCPRoute', 'gateway.networking.k8s.io/TLSRoute', 'gateway.networking.k8s.io/UDPRoute'],
    summary: "A Gateway API route's backendRefs should name Services of the input; traffic sent to a missing backend fails.",
    remediation: 'Fix the backendRef name (and namespace), or add the Service.',
    messages: {
      noService: '{{kind}} "{{name}}" sends traffic to Service "{{service}}", which is not in namespace "{{namespace}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        const own = object.namespace ?? context.settings.namespace;
        for (const rule of objectItems(object.value, ['spec', 'rules'])) {
          for (const ref of objectItems(rule.value, ['backendRefs'])) {
            const { name, kind, group } = ref.value;
            if (!isString(name) || (kind !== undefined && kind !== 'Service') || (group !== undefined && group !== '')) continue;
            const namespace = isString(ref.value.namespace) ? ref.value.namespace : own;
            context.watch({ name, namespace, at: context.locate([...object.path, ...rule.path, ...ref.path, 'name']) });
          }
        }
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { name, namespace, at } = watch.data;
      if (index.get('Service', namespace, name, '')) continue;
      if (!inputHoldsKind(index, namespace, 'Service', '')) continue;
      context.report({ messageId: 'noService', data: { kind: record.kind, name: record.name ?? '', service: name, namespace }, at }, watch);
    }
  },
});
