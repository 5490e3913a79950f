/**
 * Values that are not credentials even under a credential-like name: empty, booleans, numbers,
 * durations, file paths, variable references and template placeholders.
 */

import { nameWords } from './credential-names.js';

const BOOLEAN = /^(?:true|false|yes|no|on|off|y|n)$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Go durations and Kubernetes quantities: `24h`, `1h30m`, `500ms`, `10Mi` (a TOKEN_TTL, not a token). */
const DURATION_OR_QUANTITY = /^\d+(?:\.\d+)?(?:(?:ns|us|\u00b5s|ms|s|m|h|d|w)(?:\d+(?:\.\d+)?(?:ns|us|\u00b5s|ms|s|m|h))*|[KMGTPE]i?|k)$/;
/** `$(VAR)` (Kubernetes), `${VAR}` (shell, envsubst), `{{ ... }}` (Helm, Jinja), `$__env{VAR}` (Grafana), `%(var)s`, `%VAR%`. */
const REFERENCE = /\$\(|\$\{|\{\{|\$__[a-z]+\{|%\([\w.-]+\)s|^%[\w.-]+%$|^\$[A-Za-z_][A-Za-z0-9_]*$/;
/** `<password>`, `[YOUR TOKEN]`, `__TOKEN__`, `@@PASSWORD@@`. */
const BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\]|__[A-Za-z0-9_]+__|@@[A-Za-z0-9_]+@@)$/;
/** A mask or a word that says "fill me in" (`CHANGEME00000000` is a default that must be changed, not a secret). */
const FILLER = /^(?:(.)\1{2,}|replace[_-]?me|change[_-]?me\w*|x{3,}[\w.-]*|todo|tbd|fixme|placeholder|redacted|none|null|nil|undefined|unset|n\/a|-)$/i;
/** A vendor prefix with an obvious slot after it: `nvapi-NVKEY`, `sk-xxxx`, `ghp_...`, `hf_YOURTOKEN`. */
const VENDOR_SLOT = /^[A-Za-z]{2,10}[-_](?:[A-Z]*(?:KEY|TOKEN|SECRET|PASSWORD|PASS)|x{3,}[\w-]*|\.{3,}|\*{3,})$/;
/** `OIDC_CLIENT_SECRET`: the name of the variable that holds the value, not the value. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Code that reads the value from elsewhere: `os.environ["HF_TOKEN"]`, `process.env.API_KEY`, `os.Getenv("X")`. */
const CODE_READ = /\b(?:os\.environ|os\.getenv|getenv\s*\(|process\.env\b|System\.getenv|Deno\.env|ENV\s*(?:\[|\.fetch)|env::var|os\.Getenv|import\.meta\.env)|\$ENV\{/i;
/** `settings.api_key`, `self.token`, `get_secret("db")`: an expression, not a literal. */
const EXPRESSION = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$|^[A-Za-z_][\w.]*\(.*\)[;,]?$/;
/** `INSERT_ETCD_TOKEN`, `YOUR_API_KEY`, `GOOGLE_API_KEY_VAL`: an upper-case slot name to fill in. */
const SLOT_NAME = /^(?:[A-Z0-9]+_)*(?:INSERT|YOUR|REPLACE|ENTER|FILL|PLACEHOLDER|TODO|VAL|VALUE|HERE)(?:_[A-Z0-9]+)*$/;
/**
 * Ciphertext or a pointer into a secret store, resolved at deploy time: SOPS `ENC[AES256_GCM,...]`,
 * Bank-Vaults `vault:secret/data/db#password`, vals `ref+vault://...`, 1Password `op://vault/item/field`,
 * AWS Secrets Manager and SSM ARNs, Google Secret Manager resource names.
 */
const SECRET_STORE_REFERENCE =
  /^(?:ENC\[[A-Z0-9_]+,data:.*\]|vault:[\w./-]+#[\w.-]+|ref\+[a-z0-9]+:\/\/\S+|op:\/\/\S+|arn:aws[\w-]*:(?:secretsmanager|ssm):\S+|projects\/[\w-]+\/secrets\/[\w-]+(?:\/versions\/\w+)?)$/;
/** Unix, home-relative or Windows paths made of word-like segments. */
const FILE_PATH = /^(?:~|\.{1,2})?(?:\/[A-Za-z0-9._@+-]+)+\/?$|^[A-Za-z]:\\[^\s]*$/;
/** A path segment that looks like random key material (mixed case and digits, long), not a directory name. */
const RANDOM_SEGMENT = /(?=[^/]*[a-z])(?=[^/]*[A-Z])(?=[^/]*\d)[^/]{16,}/;

/** True when the value cannot be a hard-coded credential: reporting it would be a false positive. */
export function isPlaceholderValue(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return true;
  if (text.length <= 5 && BOOLEAN.test(text)) return true;
  if (NUMBER.test(text) || DURATION_OR_QUANTITY.test(text)) return true;
  if (REFERENCE.test(text) || BRACKETED.test(text) || FILLER.test(text) || SLOT_NAME.test(text)) return true;
  if (VENDOR_SLOT.test(text) || VARIABLE_NAME.test(text) || CODE_READ.test(text) || EXPRESSION.test(text)) return true;
  if (SECRET_STORE_REFERENCE.test(text)) return true;
  return isFilePath(text);
}

/**
 * A placeholder for this key: any placeholder value, or the key's own name written again (`HF_TOKEN:
 * HF_TOKEN`, `hf_token: hf-token-secret`: the name of what holds the secret).
 */
export function isPlaceholderFor(key: string, value: string): boolean {
  if (isPlaceholderValue(value)) return true;
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) return false;
  const keyWords = nameWords(key);
  const valueWords = nameWords(value);
  if (keyWords.length === 0 || valueWords.length < keyWords.length) return false;
  if (keyWords.some((word, index) => valueWords[index] !== word)) return false;
  return valueWords.slice(keyWords.length).every((word) => NAME_SUFFIXES.has(word));
}

/** What may follow the key's words in the name of the thing holding the secret (`hf-token-secret`). */
const NAME_SUFFIXES = new Set(['secret', 'secrets', 'name', 'ref', 'key', 'env', 'var', 'file', 'path']);

/** `/etc/secrets/token` is a path; `/K7MDENG/bPxRfiCYEXAMPLEKEY` (base64 that starts with a slash) is not. */
export function isFilePath(text: string): boolean {
  if (!FILE_PATH.test(text)) return false;
  return !RANDOM_SEGMENT.test(text) && !text.endsWith('=');
}

/** `scheme://user:password@host`: the URL itself carries a credential. */
const USERINFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/:@"'<>]*:([^\s/@"'<>]+)@[A-Za-z0-9[]/;
/** Documentation spells the slot out (`user:password@`): that is a placeholder, not a password. */
const SLOT_WORDS = /^(?:password|passwd|pass|pwd|pw|secret|user|username)$/i;

/** True when the string holds a URL with a literal password in its userinfo. */
export function isLiteralUrlPassword(password: string): boolean {
  return !isPlaceholderValue(password) && !SLOT_WORDS.test(password);
}

export function hasUserinfoPassword(value: string): boolean {
  if (!value.includes('@')) return false;
  const match = USERINFO.exec(value);
  return match !== null && isLiteralUrlPassword(match[1]!);
}
