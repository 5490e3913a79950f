/**
 * Located views of the parts rules keep reading: env entries, Service ports and selector, Ingress rules,
 * backends and TLS. Each value comes with the path where it is written, narrowed from JSON by guards.
 */
import type { Path } from '../../types.js';
import { isNumber, isObject, isString, isStringList, objectItems, stringEntries, valueAt } from '../json.js';
import type { ContainerView, JsonObject, K8sObject } from '../model.js';

export type EnvSource = 'value' | 'secretKeyRef' | 'configMapKeyRef' | 'fieldRef' | 'resourceFieldRef' | 'none';

export interface EnvEntry {
  name?: string;
  /** The literal `value`, when written as a string. */
  value?: string;
  source: EnvSource;
  /** The object a `*KeyRef` names, and the key. */
  ref?: { name?: string; key?: string; optional: boolean };
  path: Path;
}

/** Every `env` entry of a container, in order, with what it takes its value from. */
export function envEntries(container: ContainerView): EnvEntry[] {
  return [...objectItems(container.value, ['env'])].map(({ value, path }) => {
    const entry: EnvEntry = { source: 'none', path: [...container.path, ...path] };
    if (isString(value.name)) entry.name = value.name;
    if (value.value !== undefined && value.value !== null) {
      entry.source = 'value';
      if (isString(value.value)) entry.value = value.value;
      return entry;
    }
    const from = isObject(value.valueFrom) ? value.valueFrom : undefined;
    for (const source of ['secretKeyRef', 'configMapKeyRef', 'fieldRef', 'resourceFieldRef'] as const) {
      const ref = from?.[source];
      if (!isObject(ref)) continue;
      entry.source = source;
      if (source === 'secretKeyRef' || source === 'configMapKeyRef') {
        entry.ref = { optional: ref.optional === true };
        if (isString(ref.name)) entry.ref.name = ref.name;
        if (isString(ref.key)) entry.ref.key = ref.key;
      }
      break;
    }
    return entry;
  });
}

export interface ServicePort {
  name?: string;
  port?: number;
  /** A number, a container port name, or absent (it then defaults to `port`). */
  targetPort?: number | string;
  protocol: string;
  nodePort?: number;
  path: Path;
}

export interface ServiceView {
  type: string;
  /** The plain map selector; undefined when the Service has none (its endpoints are managed elsewhere). */
  selector?: Readonly<Record<string, string>>;
  selectorPath: Path;
  ports: ServicePort[];
}

export function serviceView(service: K8sObject): ServiceView {
  const spec = valueAt(service.value, ['spec']);
  const selector = isObject(spec) && isObject(spec.selector) && Object.keys(spec.selector).length > 0 ? stringEntries(spec.selector) : undefined;
  const ports = [...objectItems(spec, ['ports'])].map(({ value, path }): ServicePort => {
    const port: ServicePort = { protocol: isString(value.protocol) ? value.protocol : 'TCP', path: [...service.path, 'spec', ...path] };
    if (isString(value.name)) port.name = value.name;
    if (isNumber(value.port)) port.port = value.port;
    if (isNumber(value.targetPort) || isString(value.targetPort)) port.targetPort = value.targetPort;
    if (isNumber(value.nodePort)) port.nodePort = value.nodePort;
    return port;
  });
  const view: ServiceView = { type: isObject(spec) && isString(spec.type) ? spec.type : 'ClusterIP', selectorPath: [...service.path, 'spec', 'selector'], ports };
  if (selector) view.selector = selector;
  return view;
}

export interface IngressBackend {
  /** The Service named (networking.k8s.io/v1 `service.name`, or the old `serviceName`). */
  service?: string;
  /** Where that name is written. */
  servicePath?: Path;
  port?: number | string;
  /** A `resource` backend instead of a Service. */
  resource?: JsonObject;
  host?: string;
  pathValue?: string;
  path: Path;
}

export interface IngressView {
  backends: IngressBackend[];
  tls: { hosts: string[]; secretName?: string; path: Path }[];
  ingressClassName?: string;
}

/** The default backend and every rule's path backends (v1 and the old v1beta1 shape), and the TLS entries. */
export function ingressView(ingress: Pick<K8sObject, 'value' | 'path'>): IngressView {
  const spec = valueAt(ingress.value, ['spec']);
  const base: Path = [...ingress.path, 'spec'];
  const backends: IngressBackend[] = [];
  const backendOf = (value: JsonObject, path: Path, host?: string, pathValue?: string): IngressBackend => {
    const backend: IngressBackend = { path };
    const service = isObject(value.service) ? value.service : undefined;
    if (service && isString(service.name)) {
      backend.service = service.name;
      backend.servicePath = [...path, 'service', 'name'];
    } else if (isString(value.serviceName)) {
      backend.service = value.serviceName;
      backend.servicePath = [...path, 'serviceName'];
    }
    const port = service ? (isObject(service.port) ? (service.port.number ?? service.port.name) : undefined) : value.servicePort;
    if (isNumber(port) || isString(port)) backend.port = port;
    if (isObject(value.resource)) backend.resource = value.resource;
    if (host !== undefined) backend.host = host;
    if (pathValue !== undefined) backend.pathValue = pathValue;
    return backend;
  };
  for (const key of ['defaultBackend', 'backend']) {
    const value = valueAt(spec, [key]);
    if (isObject(value)) backends.push(backendOf(value, [...base, key]));
  }
  for (const rule of objectItems(spec, ['rules'])) {
    const host = isString(rule.value.host) ? rule.value.host : undefined;
    for (const entry of objectItems(rule.value, ['http', 'paths'])) {
      const backend = valueAt(entry.value, ['backend']);
      if (!isObject(backend)) continue;
      const pathValue = isString(entry.value.path) ? entry.value.path : undefined;
      backends.push(backendOf(backend, [...base, ...rule.path, ...entry.path, 'backend'], host, pathValue));
    }
  }
  const tls = [...objectItems(spec, ['tls'])].map(({ value, path }) => {
    const item: IngressView['tls'][number] = { hosts: isStringList(value.hosts) ? value.hosts : [], path: [...base, ...path] };
    if (isString(value.secretName)) item.secretName = value.secretName;
    return item;
  });
  const view: IngressView = { backends, tls };
  if (isObject(spec) && isString(spec.ingressClassName)) view.ingressClassName = spec.ingressClassName;
  return view;
}
