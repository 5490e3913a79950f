/** The provider lists of an EncryptionConfiguration (apiserver.config.k8s.io/v1), each with the resources it covers. */
import type { Path } from '../../types.js';
import { isObject, isString, listAt, objectItems } from '../json.js';
import type { JsonObject, K8sObject } from '../model.js';

export interface Provider {
  /** `identity`, `aescbc`, `aesgcm`, `secretbox`, `kms`. */
  type: string;
  config: JsonObject;
  path: Path;
}

export interface ResourceEntry {
  resources: string[];
  providers: Provider[];
  path: Path;
}

/** The entries of an EncryptionConfiguration (a visited object, or an indexed one at path []). */
export function resourceEntries(object: Pick<K8sObject, 'value' | 'path'>): ResourceEntry[] {
  return [...objectItems(object.value, ['resources'])].map((entry) => ({
    resources: listAt(entry.value, ['resources']).filter(isString),
    providers: [...objectItems(entry.value, ['providers'])].flatMap((provider) => {
      const type = Object.keys(provider.value)[0];
      const config = type === undefined ? undefined : provider.value[type];
      return type === undefined ? [] : [{ type, config: isObject(config) ? config : {}, path: [...object.path, 'resources', entry.index, ...provider.path, type] }];
    }),
    path: [...object.path, 'resources', entry.index],
  }));
}

/**
 * Whether an entry's resource names cover a resource of the core group (`secrets`, `secrets.`, `*.`, `*.*`).
 * The API server uses the first entry that names a resource, so later entries do not count.
 */
export function covers(names: readonly string[], resource: string): boolean {
  const [name, group = ''] = resource.split('.', 2) as [string, string?];
  return names.some((item) => {
    const [itemName, itemGroup] = item.includes('.') ? (item.split(/\.(.*)/s, 2) as [string, string]) : [item, ''];
    return (itemName === '*' || itemName === name) && (itemGroup === '*' || itemGroup === group);
  });
}

/** The entry the API server uses for a resource: the first that covers it. */
export function entryFor(entries: readonly ResourceEntry[], resource: string): ResourceEntry | undefined {
  return entries.find((entry) => covers(entry.resources, resource));
}

/** The keys of a local provider (aescbc, aesgcm, secretbox), each with its path. */
export function* providerKeys(provider: Provider): Generator<{ name: string; secret: unknown; path: Path }> {
  for (const key of objectItems(provider.config, ['keys'])) {
    yield { name: isString(key.value.name) ? key.value.name : `#${key.index}`, secret: key.value.secret, path: [...provider.path, ...key.path] };
  }
}
