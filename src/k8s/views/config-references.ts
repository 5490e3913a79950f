/** References from a pod spec to ConfigMaps and Secrets, and the objects of an input that provide them. */
import { isObject, isString, objectItems } from '../json.js';
import type { JsonObject, PodSpecView } from '../model.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../object-index.js';
import type { Path } from '../../types.js';
import { append } from '../multimap.js';

export type ConfigKind = 'ConfigMap' | 'Secret';

export interface ConfigReference {
  kind: ConfigKind;
  name: string;
  /** The key the reference reads, when it reads one. */
  key?: string;
  optional: boolean;
  /** Path of the name value. */
  path: Path;
}

function reference(kind: ConfigKind, holder: JsonObject, nameField: string, path: Path, key?: unknown): ConfigReference | undefined {
  const name = holder[nameField];
  if (!isString(name) || name === '') return undefined;
  const found: ConfigReference = { kind, name, optional: holder.optional === true, path: [...path, nameField] };
  if (isString(key)) found.key = key;
  return found;
}

export function configReferences(pod: PodSpecView): ConfigReference[] {
  const found: (ConfigReference | undefined)[] = [];
  for (const container of pod.containers) {
    for (const env of objectItems(container.value, ['env'])) {
      const from = env.value.valueFrom;
      if (!isObject(from)) continue;
      if (isObject(from.configMapKeyRef)) found.push(reference('ConfigMap', from.configMapKeyRef, 'name', [...container.path, ...env.path, 'valueFrom', 'configMapKeyRef'], from.configMapKeyRef.key));
      if (isObject(from.secretKeyRef)) found.push(reference('Secret', from.secretKeyRef, 'name', [...container.path, ...env.path, 'valueFrom', 'secretKeyRef'], from.secretKeyRef.key));
    }
    for (const source of objectItems(container.value, ['envFrom'])) {
      if (isObject(source.value.configMapRef)) found.push(reference('ConfigMap', source.value.configMapRef, 'name', [...container.path, ...source.path, 'configMapRef']));
      if (isObject(source.value.secretRef)) found.push(reference('Secret', source.value.secretRef, 'name', [...container.path, ...source.path, 'secretRef']));
    }
  }
  for (const volume of pod.volumes) {
    const { value, path } = volume;
    if (isObject(value.configMap)) found.push(reference('ConfigMap', value.configMap, 'name', [...path, 'configMap']));
    if (isObject(value.secret)) found.push(reference('Secret', value.secret, 'secretName', [...path, 'secret']));
    for (const source of objectItems(value, ['projected', 'sources'])) {
      if (isObject(source.value.configMap)) found.push(reference('ConfigMap', source.value.configMap, 'name', [...path, 'projected', 'sources', source.index, 'configMap']));
      if (isObject(source.value.secret)) found.push(reference('Secret', source.value.secret, 'name', [...path, 'projected', 'sources', source.index, 'secret']));
    }
  }
  for (const item of objectItems(pod.spec, ['imagePullSecrets'])) found.push(reference('Secret', item.value, 'name', [...pod.path, 'imagePullSecrets', item.index]));
  return found.filter((item): item is ConfigReference => item !== undefined);
}

/** ConfigMaps every namespace receives from the cluster. */
export const CLUSTER_CONFIG_MAPS = new Set(['kube-root-ca.crt']);

/**
 * The name of the ConfigMap or Secret an object provides: the object itself, or the Secret a controller
 * writes for it (SealedSecret, ExternalSecret, cert-manager Certificate).
 */
export function providedName(record: IndexedObject, kind: ConfigKind): string | undefined {
  if (record.kind === kind && record.group === '') return record.name;
  if (kind !== 'Secret') return undefined;
  if (record.kind === 'SealedSecret' && record.group === 'bitnami.com') return record.name;
  // The value is read only for the kinds that name their Secret in it (a large run reads it from disk).
  if (record.kind !== 'ExternalSecret' && !(record.kind === 'Certificate' && record.group === 'cert-manager.io')) return undefined;
  const spec = isObject(record.value.spec) ? record.value.spec : {};
  if (record.kind === 'ExternalSecret') return isObject(spec.target) && isString(spec.target.name) ? spec.target.name : record.name;
  if (record.kind === 'Certificate' && record.group === 'cert-manager.io') return isString(spec.secretName) ? spec.secretName : undefined;
  return undefined;
}

/** The objects of the namespace that provide a ConfigMap or Secret of that name, in run order. */
export function providersOf(index: ObjectIndex, namespace: string, kind: ConfigKind, name: string): readonly IndexedObject[] {
  return providerTable(index, kind).byName.get(`${scopeKey(namespace)}\u0000${name}`) ?? [];
}

/** Whether the input holds any provider of that kind in the namespace (so a missing one is seen to be missing). */
export function holdsProviders(index: ObjectIndex, namespace: string, kind: ConfigKind): boolean {
  return index.complete || providerTable(index, kind).namespaces.has(scopeKey(namespace));
}

/** Providers by namespace and name, built once per run: every reference of every pod asks. */
function providerTable(index: ObjectIndex, kind: ConfigKind): { byName: Map<string, IndexedObject[]>; namespaces: Set<string> } {
  return index.memo(`config-providers:${kind}`, () => {
    const byName = new Map<string, IndexedObject[]>();
    const namespaces = new Set<string>();
    for (const record of index.all) {
      const name = providedName(record, kind);
      if (name === undefined) continue;
      namespaces.add(scopeKey(record.namespace));
      const key = `${scopeKey(record.namespace)}\u0000${name}`;
      append(byName, key, record);
    }
    return { byName, namespaces };
  });
}

/** The keys a ConfigMap or Secret of the input holds. */
export function dataKeys(record: IndexedObject): Set<string> {
  const keys = new Set<string>();
  for (const field of ['data', 'stringData', 'binaryData']) {
    const data = record.value[field];
    if (isObject(data)) for (const key of Object.keys(data)) keys.add(key);
  }
  return keys;
}
