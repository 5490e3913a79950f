/**
 * `key=value` and `key: value` lines inside a text blob (a config file stored in a ConfigMap):
 * the ones whose key names a credential and whose value is a literal (Trivy KSV109's idea).
 */
import { isCredentialName } from './credential-names.js';
import { isPlaceholderFor } from './placeholders.js';

export interface Assignment {
  /** The key as written, e.g. `password` or `spring.datasource.password`. */
  readonly key: string;
  /** 1-based line inside the text. */
  readonly line: number;
}

/** Cheap rejection of most blobs: no credential word at all. */
const ANY_WORD = /pass|pwd|pswrd|pword|secret|token|cred|key|auth|bearer|dsn|conn/i;

/**
 * A line that starts with a credential-looking key, then `=` or `:`, then a value. Keys may be
 * quoted (JSON, YAML) or exported (shell). The key words keep the scan to candidate lines only.
 */
const CANDIDATE_LINE =
  /^[ \t]*(?:export[ \t]+)?["']?([A-Za-z0-9_.-]*(?:pass|pwd|pswrd|pword|secret|token|cred|key|auth|bearer|dsn|conn)[A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*([^\r\n]*)$/gim;

const SURROUNDING = /^["'`]|["'`]?[,;]?\s*$/g;

export function findCredentialAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  if (!ANY_WORD.test(text)) return found;
  CANDIDATE_LINE.lastIndex = 0;
  let line = 1;
  let counted = 0;
  for (let match = CANDIDATE_LINE.exec(text); match; match = CANDIDATE_LINE.exec(text)) {
    const [, key, rawValue] = match as unknown as [string, string, string];
    if (!isCredentialName(key) || !isLiteral(key, rawValue)) continue;
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    found.push({ key, line });
  }
  return found;
}

/** nsswitch.conf: `passwd: files compat` names where accounts come from. */
const NSSWITCH_SOURCES = /^(?:(?:files|compat|db|nis|nisplus|dns|ldap|sss|systemd|winbind|mymachines|resolve|myhostname|usrfiles|altfiles|cache|hesiod|extrausers|\[[!A-Za-z= ]+\])\s*)+$/;

/** A literal value: not empty, not a nested block, not a placeholder once quotes are stripped. */
function isLiteral(key: string, rawValue: string): boolean {
  const value = rawValue.replace(/\s+#.*$/, '').replace(SURROUNDING, '');
  if (value === '' || value === '|' || value === '>' || value.startsWith('{') || value.startsWith('[')) return false;
  if (NSSWITCH_SOURCES.test(value)) return false;
  return !isPlaceholderFor(key, value);
}

export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
