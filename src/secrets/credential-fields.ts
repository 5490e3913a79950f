/**
 * Literal values under credential-named keys, where no other secret rule looks: the specs of
 * custom resources (an operator's `users[].password`, a Kafka Connect `password`), annotations,
 * and the object a `kubectl.kubernetes.io/last-applied-configuration` annotation embeds. Values in
 * a known token format are left to the value detectors, so one string gives one finding.
 */
import type { JsonValue } from '../k8s/model.js';
import { isObject } from '../k8s/json.js';
import type { PathSegment } from '../types.js';
import { isCredentialName, isLocatorName, nameWords } from './credential-names.js';
import { isPlaceholderFor } from './placeholders.js';
import { detectCredentials } from './value-detectors.js';

/** The id under which `disabledDetectors` turns the name-based check off. */
export const CREDENTIAL_NAME_DETECTOR = 'credential-name';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Built-in API groups: the core group, the unqualified ones (`apps`, `batch`) and `*.k8s.io` (not `*.x-k8s.io`). */
export function isCustomResourceGroup(group: string): boolean {
  if (group === '' || !group.includes('.')) return false;
  return !group.endsWith('.k8s.io') || group.endsWith('x-k8s.io');
}

/** Encrypted or store-backed secrets: ciphertext and remote keys under credential names, never values. */
export function holdsEncryptedSecrets(group: string, value: JsonValue): boolean {
  return group === 'bitnami.com' || group.endsWith('external-secrets.io') || (isObject(value) && isObject(value.sops));
}

/** Container lists are read by the container rules; here they would count an env variable twice. */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Words that make a value the name of a key, not a credential (`secretKey: password`, `tokenKey: api-token`). */
const KEY_NAME_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'token', 'secret', 'key', 'api', 'apikey', 'access', 'client', 'private',
  'user', 'username', 'auth', 'credential', 'credentials', 'creds', 'bearer', 'tls', 'crt', 'id',
]);

/** A Kubernetes object name, `namespace/name`, or a store path such as Vault's `database/creds/app`. */
const OBJECT_NAME_OR_PATH = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?(?:\/[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)*$/;
const NAMES_AN_OBJECT = new Set(['secret', 'secrets', 'credential', 'credentials', 'creds']);

/** A literal credential under this key: not a placeholder, a reference, a key name or a known token format. */
export function isLiteralCredentialField(key: string, value: string): boolean {
  if (isLocatorName(key) || !isCredentialName(key) || isPlaceholderFor(key, value)) return false;
  const words = nameWords(key);
  // `passwordSecret: db-pass`, `auth-secret: ns/basic-auth`, `agent-inject-secret-db: database/creds/db`.
  if (OBJECT_NAME_OR_PATH.test(value) && (value.includes('/') || NAMES_AN_OBJECT.has(words.at(-1) ?? ''))) return false;
  const valueWords = nameWords(value);
  if (value.length <= 40 && valueWords.length > 0 && /^[A-Za-z][\w.-]*$/.test(value) && valueWords.every((word) => KEY_NAME_WORDS.has(word))) return false;
  return detectCredentials(value, key).length === 0;
}

/**
 * Calls `onField` with the path (from `root`) and key of every literal credential in the tree.
 * `{name, value}` pairs (env lists, Helm parameters of an Argo CD Application) count under `name`.
 */
export function credentialFields(root: JsonValue, onField: (path: readonly PathSegment[], key: string) => void, skipContainers = true): void {
  const path: PathSegment[] = [];
  const walk = (value: JsonValue, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key !== undefined && isLiteralCredentialField(key, value)) onField([...path], key);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        walk(item, key);
        path.pop();
      });
    } else if (isObject(value)) {
      const pairName = typeof value.name === 'string' ? value.name : undefined;
      for (const [child, item] of Object.entries(value)) {
        if (skipContainers && CONTAINER_LISTS.has(child)) continue;
        path.push(child);
        walk(item, child === 'value' && pairName !== undefined ? pairName : child);
        path.pop();
      }
    }
  };
  walk(root, undefined);
}

/** The object embedded in a last-applied-configuration annotation, or undefined when it is not JSON. */
export function parseEmbeddedObject(text: string): JsonValue | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
