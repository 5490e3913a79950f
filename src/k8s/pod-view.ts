/** Builds the pod-spec view of a workload once: every container with its path and effective security context. */
import type { Container, PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { Path } from '../types.js';
import type { ContainerRole, ContainerView, EffectiveSecurityContext, JsonObject, JsonValue, Located, PodSpecView } from './model.js';
import type { WorkloadKind } from './workloads.js';

const CONTAINER_LISTS: readonly [keyof PodSpec & string, ContainerRole][] = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(root: JsonValue | undefined, path: Path): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** `objectPath` is where the object sits in its document ([] or ['items', i]). */
export function buildPodView(object: JsonObject, objectPath: Path, workload: WorkloadKind): PodSpecView | undefined {
  const spec = valueAt(object, workload.podSpec);
  if (!isObject(spec)) return undefined;
  const path = [...objectPath, ...workload.podSpec];
  const metadata = valueAt(object, workload.podMetadata);
  const podSecurity = isObject(spec.securityContext) ? spec.securityContext : undefined;
  const podSecurityPath = [...path, 'securityContext'];

  const containers: ContainerView[] = [];
  for (const [list, role] of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const containerPath = [...path, list, index];
      containers.push({
        role,
        name: typeof item.name === 'string' ? item.name : `#${index}`,
        value: item as unknown as Container,
        path: containerPath,
        securityContext: effectiveSecurityContext(item, containerPath, podSecurity, podSecurityPath),
      });
    });
  }

  const volumes: Located<Volume>[] = [];
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((volume, index) => {
      if (isObject(volume)) volumes.push({ value: volume as unknown as Volume, path: [...path, 'volumes', index] });
    });
  }

  const os = isObject(spec.os) ? spec.os.name : undefined;
  return {
    spec: spec as unknown as PodSpec,
    path,
    metadata: isObject(metadata) ? (metadata as unknown as ObjectMeta) : undefined,
    metadataPath: [...objectPath, ...workload.podMetadata],
    containers,
    volumes,
    isWindows: os === 'windows',
    userNamespace: spec.hostUsers === false,
  };
}

type Guard<T> = (value: unknown) => value is T;
const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
const isNumber: Guard<number> = (value): value is number => typeof value === 'number';
const isString: Guard<string> = (value): value is string => typeof value === 'string';
const isStringList: Guard<readonly string[]> = (value): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isStringMap: Guard<Record<string, string>> = (value): value is Record<string, string> =>
  isObject(value) && Object.values(value).every((item) => typeof item === 'string');

function setting<T>(context: JsonObject | undefined, contextPath: Path, path: Path, guard: Guard<T>): Located<T> | undefined {
  const value = context ? valueAt(context, path) : undefined;
  return guard(value) ? { value, path: [...contextPath, ...path] } : undefined;
}

/** The container's own value wins; the pod-level value is inherited where the container is silent. */
function effectiveSecurityContext(
  container: JsonObject,
  containerPath: Path,
  pod: JsonObject | undefined,
  podPath: Path,
): EffectiveSecurityContext {
  const own = isObject(container.securityContext) ? container.securityContext : undefined;
  const ownPath = [...containerPath, 'securityContext'];
  const both = <T>(path: Path, guard: Guard<T>): Located<T> | undefined =>
    setting(own, ownPath, path, guard) ?? setting(pod, podPath, path, guard);
  const mine = <T>(path: Path, guard: Guard<T>): Located<T> | undefined => setting(own, ownPath, path, guard);
  return {
    runAsNonRoot: both(['runAsNonRoot'], isBoolean),
    runAsUser: both(['runAsUser'], isNumber),
    runAsGroup: both(['runAsGroup'], isNumber),
    seccompProfileType: both(['seccompProfile', 'type'], isString),
    appArmorProfileType: both(['appArmorProfile', 'type'], isString),
    seLinuxOptions: both(['seLinuxOptions'], isStringMap),
    windowsHostProcess: both(['windowsOptions', 'hostProcess'], isBoolean),
    privileged: mine(['privileged'], isBoolean),
    allowPrivilegeEscalation: mine(['allowPrivilegeEscalation'], isBoolean),
    readOnlyRootFilesystem: mine(['readOnlyRootFilesystem'], isBoolean),
    procMount: mine(['procMount'], isString),
    capabilitiesAdd: mine(['capabilities', 'add'], isStringList),
    capabilitiesDrop: mine(['capabilities', 'drop'], isStringList),
  };
}
