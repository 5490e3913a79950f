/** Documents → Kubernetes objects: apiVersion and kind make an object; `*List` kinds yield their items. */
import type { Path } from '../types.js';
import { isObject, isString, stringEntries } from './json.js';
import type { JsonObject, JsonValue, K8sObject, PodSpecView } from './model.js';
import { bindPattern, buildPodView, expandPattern } from './pod-view.js';
import { groupOf, workloadOf, type WorkloadKind } from './workloads.js';

export interface ObjectOptions {
  extraWorkloads?: readonly WorkloadKind[];
  /** Freeze the views (the rule tester does): a rule that mutates them then throws. */
  freeze?: boolean;
}

export function objectsOf(value: JsonValue, options: ObjectOptions = {}): K8sObject[] {
  const extraWorkloads = options.extraWorkloads ?? [];
  if (!isObject(value)) return [];
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    const objects: K8sObject[] = [];
    value.items.forEach((item, index) => {
      const object = isObject(item) ? objectOf(item, ['items', index], extraWorkloads) : undefined;
      if (object) objects.push(object);
    });
    return options.freeze ? objects.map(deepFreeze) : objects;
  }
  const object = objectOf(value, [], extraWorkloads);
  if (!object) return [];
  return [options.freeze ? deepFreeze(object) : object];
}

function objectOf(value: JsonObject, path: Path, extraWorkloads: readonly WorkloadKind[]): K8sObject | undefined {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  const workload = workloadOf(apiVersion, kind, extraWorkloads);
  const object: K8sObject = {
    apiVersion,
    group: groupOf(apiVersion),
    kind,
    name: isString(metadata?.name) ? metadata.name : undefined,
    namespace: isString(metadata?.namespace) ? metadata.namespace : undefined,
    value,
    path,
    metadata,
    labels: stringEntries(metadata?.labels),
    annotations: stringEntries(metadata?.annotations),
    pods: workload ? tablePods(value, path, workload) : searchedPods(value, path),
  };
  return object;
}

function tablePods(value: JsonObject, path: Path, workload: WorkloadKind): PodSpecView[] {
  const pods: PodSpecView[] = [];
  for (const template of workload.pods) {
    for (const { path: specPath, bindings } of expandPattern(value, template.spec)) {
      const pod = buildPodView(value, path, specPath, bindPattern(template.metadata, bindings), workload.containers);
      if (pod) pods.push(pod);
    }
  }
  return pods;
}

const SEARCH_DEPTH = 10;

/**
 * Kinds the table does not know (operators' custom resources): any mapping holding a `containers` list of
 * named containers with images is linted as a pod spec, its sibling `metadata` as the pod's metadata.
 */
function searchedPods(value: JsonObject, path: Path): PodSpecView[] {
  const pods: PodSpecView[] = [];
  const visit = (node: JsonValue, at: (string | number)[], depth: number): void => {
    if (depth > SEARCH_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...at, index], depth + 1));
      return;
    }
    if (!isObject(node)) return;
    if (at.length > 0 && holdsContainers(node)) {
      const pod = buildPodView(value, path, at, [...at.slice(0, -1), 'metadata']);
      if (pod) pods.push(pod);
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (at.length === 0 && (key === 'metadata' || key === 'status')) continue;
      visit(item, [...at, key], depth + 1);
    }
  };
  visit(value, [], 0);
  return pods;
}

function holdsContainers(node: JsonObject): boolean {
  const containers = node.containers;
  return Array.isArray(containers) && containers.length > 0 && containers.every((item) => isObject(item) && isString(item.name) && isString(item.image));
}

/**
 * The object holds a container-like mapping (`image` beside `name`) that no pod view covers: the run says
 * so once, with the kinds, so a user can map them with `workloads` in the configuration.
 */
export function hasUnreachedContainers(object: K8sObject): boolean {
  if (object.pods.length > 0) return false;
  let found = false;
  const visit = (node: JsonValue, depth: number): void => {
    if (found || depth > SEARCH_DEPTH) return;
    if (Array.isArray(node)) for (const item of node) visit(item, depth + 1);
    else if (isObject(node)) {
      if (isString(node.image) && isString(node.name) && node.image.length > 0) found = true;
      else for (const [key, item] of Object.entries(node)) if (!(depth === 0 && (key === 'metadata' || key === 'status'))) visit(item, depth + 1);
    }
  };
  visit(object.value, 0);
  return found;
}

/** Rules share one view; freezing makes a rule that mutates it fail loudly instead of corrupting others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
