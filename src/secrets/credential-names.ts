/**
 * Does a key or variable name say "this holds a credential"? Names are split into words
 * (snake, kebab, dotted and camelCase), so `KEYCLOAK_URL` has no word `key` and
 * `CACHE_KEY_PREFIX` ends in a qualifier that says the value is not the secret itself.
 */

/** Words that name a credential wherever they appear in the name. */
const CREDENTIAL_WORDS = new Set([
  'password', 'passwords', 'passwd', 'passwrd', 'pword', 'pswrd', 'pwd', 'passphrase',
  'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'creds', 'bearer', 'dsn',
  'apikey', 'apikeys', 'accesskey', 'secretkey', 'privatekey', 'masterkey', 'authtoken', 'clientsecret',
  'appsecret', 'connectionstring', 'connstring', 'connstr', 'htpasswd',
]);

/** Stems that make a run-together word a credential (`dbpassword`, `adminpass`, `githubtoken`). */
const CREDENTIAL_STEMS = /password|passwd|passphrase|secret|token|credential|apikey|accesskey|privatekey/;

/** `<qualifier>_key` is a credential (`API_KEY`, `SIGNING_KEY`); a bare `key` is not (`CACHE_KEY`). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'private', 'secret', 'encryption', 'encrypt', 'signing', 'sign', 'master', 'account',
  'storage', 'shared', 'session', 'app', 'auth', 'license', 'admin', 'root', 'hmac', 'cookie', 'jwt',
  'webhook', 'client', 'crypto', 'cipher', 'decryption', 'subscription', 'ssh', 'deploy',
]);

/** Words that, at the end of a name, say the value is about a credential but is not one. */
const NOT_A_VALUE_SUFFIXES = new Set([
  'file', 'files', 'path', 'paths', 'name', 'names', 'url', 'urls', 'uri', 'dir', 'directory', 'location',
  'ttl', 'expiry', 'expires', 'expiration', 'timeout', 'lifetime', 'duration', 'interval', 'age', 'period',
  'length', 'len', 'size', 'prefix', 'suffix', 'header', 'type', 'kind', 'mode', 'enabled', 'enable',
  'disabled', 'disable', 'required', 'policy', 'algorithm', 'alg', 'format', 'ref', 'namespace', 'version',
  'count', 'limit', 'field', 'id', 'ids', 'endpoint', 'host', 'hostname', 'port', 'provider', 'issuer',
  'audience', 'scope', 'scopes', 'method', 'strategy', 'volume', 'mount', 'user', 'username', 'label',
  'selector', 'annotation', 'source', 'store', 'class', 'template', 'hash', 'checksum', 'rotation',
  'refresh', 'retries', 'attempts', 'min', 'max', 'key', 'keys', 'env', 'envs', 'var', 'vars', 'variable',
  'variables', 'refs', 'reference', 'secretref', 'secretname', 'stdin', 'prompt',
]);

/** Names matched whole (case-insensitive) because the words alone would miss or skip them. */
const EXACT_NAMES = new Set(['aws_access_key_id', 'aws_secret_access_key', 'google_application_credentials', 'oci_cli_key_content']);

/** Whole names that look like credentials but are well-known harmless variables. */
const HARMLESS_NAMES = new Set(['pwd', 'oldpwd']);

/** Splits `fooBarBAZ_qux-quux.x` into lower-case words: foo, bar, baz, qux, quux, x. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * Names repeat across a run (env variables, keys, options): each is read once. The memo is bounded, and holds
 * copies of the names, so no key is a slice keeping a file's text alive.
 */
const MEMO_SIZE = 4096;
const credentialNames = new Map<string, boolean>();
const locatorNames = new Map<string, boolean>();

function memoized(memo: Map<string, boolean>, name: string, read: (name: string) => boolean): boolean {
  let known = memo.get(name);
  if (known === undefined) {
    known = read(name);
    if (memo.size >= MEMO_SIZE) memo.clear();
    // Below 13 characters V8 copies a substring anyway; above, flattening a fresh concatenation copies.
    memo.set(name.length < 13 ? name : ` ${name}`.slice(1), known);
  }
  return known;
}

/** True when `name` names a credential; `_URL`-style names are left to the caller's userinfo check. */
export function isCredentialName(name: string): boolean {
  return memoized(credentialNames, name, readCredentialName);
}

function readCredentialName(name: string): boolean {
  const lower = name.toLowerCase();
  if (HARMLESS_NAMES.has(lower)) return false;
  if (EXACT_NAMES.has(lower.replace(/[-.]/g, '_'))) return true;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  // AZURE_*_KEY: Azure's storage and batch keys.
  if (words[0] === 'azure' && (last === 'key' || last === 'keys') && words.length > 1) return true;
  if (isNotAValueSuffix(words, last)) return false;
  // Helm's `existingSecret`, `existingSecretPasswordKey`: the name of a Secret made elsewhere.
  if (words.includes('existing')) return false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (CREDENTIAL_WORDS.has(word)) return true;
    if ((word === 'key' || word === 'keys') && index > 0 && KEY_QUALIFIERS.has(words[index - 1]!)) return true;
    if (word === 'connection' && words[index + 1] === 'string') return true;
    if (word.length > 6 && CREDENTIAL_STEMS.test(word)) return true;
  }
  // Only as the last word: DB_PASS and BASIC_AUTH, but not PASS_THROUGH or AUTH_ENABLED.
  return last === 'pass' || last === 'auth' || last === 'authorization' || last === 'jwt';
}

/** The trailing word tells what the value is; `API_KEY` ends in `key` but is itself the credential. */
function isNotAValueSuffix(words: readonly string[], last: string): boolean {
  if (!NOT_A_VALUE_SUFFIXES.has(last) || words.length < 2) return false;
  if (last === 'key' || last === 'keys') return !KEY_QUALIFIERS.has(words[words.length - 2]!);
  return true;
}

/** Names whose value is a locator: reportable only when the URL itself carries `user:password@`. */
export function isLocatorName(name: string): boolean {
  return memoized(locatorNames, name, readLocatorName);
}

function readLocatorName(name: string): boolean {
  const last = nameWords(name).at(-1);
  return last === 'url' || last === 'urls' || last === 'uri' || last === 'endpoint';
}
