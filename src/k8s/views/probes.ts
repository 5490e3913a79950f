/** Probes of a container and the ports it exposes, as the kubelet resolves them. */
import { isNumber, isObject, isString, objectItems } from '../json.js';
import type { ContainerView, JsonObject, JsonValue } from '../model.js';
import type { Path } from '../../types.js';
import { declaresResources } from '../resources.js';

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBES)[number];

/** Containers that serve for the pod's lifetime: app containers and sidecars (init containers with restartPolicy: Always). */
export function isLongRunning(container: ContainerView): boolean {
  return declaresResources(container);
}

export interface ProbePort {
  probe: ProbeField;
  /** `httpGet`, `tcpSocket` or `grpc`. */
  handler: string;
  port: string | number;
  path: Path;
}

/** The port each probe of the container targets, with the path of the `port` value. */
export function probePorts(container: ContainerView): ProbePort[] {
  const result: ProbePort[] = [];
  for (const probe of PROBES) {
    const value = container.value[probe];
    if (!isObject(value)) continue;
    for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
      const action = value[handler];
      if (!isObject(action)) continue;
      const port = action.port;
      if (isString(port) || isNumber(port)) result.push({ probe, handler, port, path: [...container.path, probe, handler, 'port'] });
    }
  }
  return result;
}

export interface ContainerPort {
  name?: string;
  number?: number;
  protocol: string;
  path: Path;
  value: JsonObject;
}

/** The container's `ports[]` entries (protocol defaults to TCP). */
export function containerPorts(container: { value: JsonObject; path: Path }): ContainerPort[] {
  return [...objectItems(container.value, ['ports'])].map(({ value, path }) => {
    const port: ContainerPort = { protocol: isString(value.protocol) ? value.protocol : 'TCP', path, value };
    if (isString(value.name)) port.name = value.name;
    if (isNumber(value.containerPort)) port.number = value.containerPort;
    return port;
  });
}

/** Whether a port reference (number or name) names one of the ports, among those of the protocol. */
export function exposesPort(ports: readonly ContainerPort[], reference: JsonValue, protocol = 'TCP'): boolean {
  const usable = ports.filter((port) => port.protocol === protocol);
  if (isString(reference) && !/^\d+$/.test(reference)) return usable.some((port) => port.name === reference);
  const number = Number(reference);
  return usable.some((port) => port.number === number);
}
