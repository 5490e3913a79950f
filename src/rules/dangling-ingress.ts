import { defineRule } from '../engine/define-rule.js';
import { isNumber, objectItems } from '../k8s/json.js';
import type { JsonObject } from '../k8s/model.js';
import { ingressView } from '../k8s/views/located.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** What each Service backend of an Ingress keeps until the index is complete. */
interface Watch {
  service: string;
  port: string | number | undefined;
  namespace: string;
  at: Location;
}

function servesPort(service: JsonObject, port: string | number): boolean {
  return [...objectItems(service, ['spec', 'ports'])].some(({ value }) => (isNumber(port) || /^\d+$/.test(String(port)) ? value.port === Number(port) : value.name === port));
}

/**
 * As kube-linter's dangling-ingress and kube-score's ingress-targets-service: each backend names a Service
 * of the namespace, and a port that Service exposes. Resource backends (not Services) are skipped, and so
 * is a namespace whose Services the input does not carry, unless the run is complete.
 */
export default defineRule<'noService' | 'noPort', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-ingress',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['ingresses'],
    summary: "An Ingress backend should name a Service of its namespace and a port that Service exposes; otherwise requests to that path fail.",
    remediation: 'Fix the backend\'s service name and port so they name an existing Service port.',
    messages: {
      noService: 'Ingress "{{name}}" routes to Service "{{service}}", which is not in namespace "{{namespace}}".',
      noPort: 'Ingress "{{name}}" routes to port {{port}} of Service "{{service}}", which does not expose it.',
    },
  },
  create(context) {
    return {
      object(object) {
        const namespace = object.namespace ?? context.settings.namespace;
        for (const backend of ingressView(object).backends) {
          const { service: name, servicePath, port } = backend;
          if (name === undefined || servicePath === undefined) continue;
          context.watch({ service: name, port, namespace, at: context.locate(servicePath) });
        }
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { service: name, port, namespace, at } = watch.data;
      const service = index.get('Service', namespace, name, '');
      const data = { name: watch.record.name ?? '', service: name, namespace, port: String(port ?? '') };
      if (!service) {
        if (inputHoldsKind(index, namespace, 'Service', '')) context.report({ messageId: 'noService', data, at }, watch);
      } else if (port !== undefined && !servesPort(service.value, port)) {
        context.report({ messageId: 'noPort', data, at, related: [{ at: service.at, message: `Service "${name}"` }] }, watch);
      }
    }
  },
});
