/** Services and Ingresses as exposure: which Services answer outside the cluster. */
import { isObject, isString } from '../json.js';
import type { JsonObject } from '../model.js';
import { ingressView } from './located.js';

export type ExternalType = 'NodePort' | 'LoadBalancer';

/** The Service's type when it opens a port outside the cluster (a LoadBalancer also opens node ports). */
export function externalType(service: JsonObject): ExternalType | undefined {
  const spec = service.spec;
  if (!isObject(spec) || !isString(spec.type)) return undefined;
  return spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? spec.type : undefined;
}

/** Names of the Services an Ingress routes to (rules' paths and the default backend, v1 and v1beta1). */
export function ingressServiceNames(ingress: JsonObject): Set<string> {
  return new Set(ingressView({ value: ingress, path: [] }).backends.flatMap((backend) => (backend.service === undefined ? [] : [backend.service])));
}

/**
 * The Services a Gateway API route sends traffic to: `backendRefs` of the core group and kind Service (the
 * defaults), each with the namespace it names (the route's own when it names none).
 */
export function routeServices(route: JsonObject, routeNamespace: string | undefined): { name: string; namespace: string | undefined }[] {
  const services: { name: string; namespace: string | undefined }[] = [];
  const spec = isObject(route.spec) ? route.spec : {};
  for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
    const refs = isObject(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
    for (const ref of refs) {
      if (!isObject(ref) || !isString(ref.name) || (ref.kind !== undefined && ref.kind !== 'Service') || (ref.group !== undefined && ref.group !== '')) continue;
      services.push({ name: ref.name, namespace: isString(ref.namespace) ? ref.namespace : routeNamespace });
    }
  }
  return services;
}
