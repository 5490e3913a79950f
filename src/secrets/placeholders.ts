/**
 * Values that are not credentials even under a credential-like name: empty, booleans, numbers,
 * durations, file paths, variable references and template placeholders.
 */

const BOOLEAN = /^(?:true|false|yes|no|on|off|y|n)$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Go durations and Kubernetes quantities: `24h`, `1h30m`, `500ms`, `10Mi` (a TOKEN_TTL, not a token). */
const DURATION_OR_QUANTITY = /^\d+(?:\.\d+)?(?:(?:ns|us|µs|ms|s|m|h|d|w)(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))*|[KMGTPE]i?|k)$/;
/** `$(VAR)` (Kubernetes), `${VAR}` (shell, envsubst), `{{ ... }}` (Helm, Jinja), `$__env{VAR}` (Grafana), `%(var)s`, `%VAR%`. */
const REFERENCE = /\$\(|\$\{|\{\{|\$__[a-z]+\{|%\([\w.-]+\)s|^%[\w.-]+%$|^\$[A-Za-z_][A-Za-z0-9_]*$/;
/** `<password>`, `[YOUR TOKEN]`, `__TOKEN__`, `@@PASSWORD@@`. */
const BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\]|__[A-Za-z0-9_]+__|@@[A-Za-z0-9_]+@@)$/;
/** A mask or a word that says "fill me in"; `changeme` stays reportable: it is the deployed default. */
const FILLER = /^(?:(.)\1{2,}|replace[_-]?me|todo|tbd|fixme|placeholder|redacted|none|null|nil|undefined|unset|n\/a|-)$/i;
/** `INSERT_ETCD_TOKEN`, `YOUR_API_KEY`, `GOOGLE_API_KEY_VAL`: an upper-case slot name to fill in. */
const SLOT_NAME = /^(?:[A-Z0-9]+_)*(?:INSERT|YOUR|REPLACE|ENTER|FILL|PLACEHOLDER|TODO|VAL|VALUE|HERE)(?:_[A-Z0-9]+)*$/;
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
  return isFilePath(text);
}

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
