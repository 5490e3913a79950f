import { defineRule } from '../engine/define-rule.js';
import { isNumber, isObject, isString, objectItems } from '../k8s/json.js';
import type { JsonObject } from '../k8s/model.js';
import type { Path } from '../types.js';
import { inputHolds } from '../k8s/views/references.js';

interface Backend {
  service: string;
  port?: string | number;
  path: Path;
}

/** networking.k8s.io/v1 `service: { name, port: { number | name } }`, and the old `serviceName`/`servicePort`. */
function backendOf(backend: JsonObject, path: Path): Backend | undefined {
  if (isObject(backend.service) && isString(backend.service.name)) {
    const port = isObject(backend.service.port) ? (backend.service.port.number ?? backend.service.port.name) : undefined;
    return { service: backend.service.name, ...(isString(port) || isNumber(port) ? { port } : {}), path: [...path, 'service', 'name'] };
  }
  if (isString(backend.serviceName)) {
    const port = backend.servicePort;
    return { service: backend.serviceName, ...(isString(port) || isNumber(port) ? { port } : {}), path: [...path, 'serviceName'] };
  }
  return undefined;
}

function backendsOf(ingress: JsonObject, root: Path): Backend[] {
  const spec: Path = ['spec'];
  const found: Backend[] = [];
  for (const key of ['defaultBackend', 'backend']) {
    const value = ingress.spec !== undefined && isObject(ingress.spec) ? ingress.spec[key] : undefined;
    if (isObject(value)) {
      const backend = backendOf(value, [...root, ...spec, key]);
      if (backend) found.push(backend);
    }
  }
  for (const rule of objectItems(ingress, [...spec, 'rules'])) {
    for (const item of objectItems(rule.value, ['http', 'paths'])) {
      if (!isObject(item.value.backend)) continue;
      const backend = backendOf(item.value.backend, [...root, ...rule.path, 'http', 'paths', item.index, 'backend']);
      if (backend) found.push(backend);
    }
  }
  return found;
}

/** Whether a Service exposes the port an Ingress names (by port number or port name). */
function servesPort(service: JsonObject, port: string | number): boolean {
  return [...objectItems(service, ['spec', 'ports'])].some(({ value }) => (isNumber(port) || /^\d+$/.test(String(port)) ? value.port === Number(port) : value.name === port));
}

/**
 * As kube-linter's dangling-ingress and kube-score's ingress-targets-service: each backend names a Service
 * of the namespace, and a port that Service exposes. Resource backends (not Services) are skipped, and so
 * is a namespace whose Services the input does not carry, unless the run is complete.
 */
export default defineRule({
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
        const base: Path = object.path;
        const rootValue: JsonObject = object.value;
        for (const backend of backendsOf(rootValue, base)) {
          const at = context.locate(backend.path);
          context.afterIndex((index) => {
            const service = index.get('Service', namespace, backend.service, '');
            const data = { name: object.name ?? '', service: backend.service, namespace, port: String(backend.port ?? '') };
            if (!service) {
              if (inputHolds(index, namespace, (record) => record.kind === 'Service' && record.group === '')) context.report({ messageId: 'noService', data, at });
            } else if (backend.port !== undefined && !servesPort(service.value, backend.port)) {
              context.report({ messageId: 'noPort', data, at, related: [{ at: service.at, message: `Service "${backend.service}"` }] });
            }
          });
        }
      },
    };
  },
});
