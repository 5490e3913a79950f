/**
 * Container compute resources as the scheduler and the kubelet see them, shared by the
 * missing-{memory,cpu}-{limit,request} rules so the four agree on which containers count.
 */
import type { Path } from '../types.js';
import type { ContainerRole, ContainerView, JsonValue, PodSpecView } from './model.js';
import { valueAt } from './json.js';

export type ResourceSection = 'limits' | 'requests';
export type ResourceName = 'cpu' | 'memory';

/**
 * Containers whose resources bound the running pod: app containers and sidecars (init containers
 * with `restartPolicy: Always`, which run for the pod's whole life). Classic init containers run
 * to completion before the app starts (Polaris skips them too); ephemeral containers cannot
 * declare resources at all.
 */
export function declaresResources(container: ContainerView): boolean {
  return runsForPodLife(container.role, container.value as unknown as JsonValue);
}

/** Whether a container of that role, written as `value`, runs for the pod's whole life (an app container or a native sidecar). */
export function runsForPodLife(role: ContainerRole, value: JsonValue): boolean {
  if (role === 'container') return true;
  if (role === 'initContainer') return valueAt(value, ['restartPolicy']) === 'Always';
  return false;
}

/** `resources.<section>.<name>` of the container is written with a value (any quantity, even 0). */
export function containerHasResource(container: ContainerView, section: ResourceSection, name: ResourceName): boolean {
  return isSet(valueAt(container.value as unknown as JsonValue, ['resources', section, name]));
}

/** Pod-level resources (`spec.resources`, PodLevelResources) bound every container of the pod. */
export function podHasResource(pod: PodSpecView, section: ResourceSection, name: ResourceName): boolean {
  return isSet(valueAt(pod.spec as unknown as JsonValue, ['resources', section, name]));
}

/** Where the missing quantity belongs; the engine points at its nearest written ancestor. */
export function resourcePath(container: ContainerView, section: ResourceSection, name: ResourceName): Path {
  return [...container.path, 'resources', section, name];
}

/**
 * A missing limit or request that should be reported for this container, or undefined.
 * A request defaults to the limit when only the limit is written (API-server defaulting), so a
 * container with a limit is never reported for the matching request.
 */
export function missingResource(
  container: ContainerView,
  pod: PodSpecView,
  section: ResourceSection,
  name: ResourceName,
): Path | undefined {
  if (!declaresResources(container)) return undefined;
  if (containerHasResource(container, section, name) || podHasResource(pod, section, name)) return undefined;
  if (section === 'requests' && (containerHasResource(container, 'limits', name) || podHasResource(pod, 'limits', name))) {
    return undefined;
  }
  return resourcePath(container, section, name);
}

function isSet(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null;
}
