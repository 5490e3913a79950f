/**
 * Credentials written on a command line, read from its words (argv items, or the words of a shell
 * script): `--password=x`, `--api-token x`, Go's `-password x`, `--set db.password=x`,
 * `--from-literal=token=x`, `curl -u user:x`, the short options of tools whose `-p`/`-a` takes a
 * password (`mysql -px`, `sshpass -p x`, `redis-cli -a x`), and shell assignments
 * (`export DB_PASSWORD=x`, `PGPASSWORD=x psql`). Values that expand at run time (`$VAR`,
 * `$(cat file)`) and placeholders are not credentials.
 */
import { shellWords } from '../k8s/views/command-line.js';
import { countNewlines } from './assignments.js';
import { isCredentialName, isLocatorName, nameWords } from './credential-names.js';
import { hasUserinfoPassword, isPlaceholderFor } from './placeholders.js';

export interface CredentialArgument {
  /** What carries the value, as written: `--password`, `-p`, `DB_PASSWORD`, `--set db.password`. */
  readonly option: string;
  /** Index of the word that holds the value. */
  readonly word: number;
}

const OPERATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', '{', '}', 'then', 'do', 'else']);
/** Words before the program that keep the next word in program position. */
const PREFIXES = new Set(['exec', 'sudo', 'env', 'export', 'readonly', 'local', 'declare', 'nohup', 'time', 'command']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const OPTION = /^(--?)([A-Za-z][\w.-]*)(?:=([\s\S]*))?$/;

const MYSQL = /^(?:mysql\w*|mariadb[\w-]*)$/;
/** Programs whose short option takes the password as the next word or attached to it. */
const SHORT_PASSWORD: Record<string, string> = {
  sshpass: '-p',
  'redis-cli': '-a',
  mongo: '-p',
  mongosh: '-p',
  mongodump: '-p',
  mongorestore: '-p',
  mongoexport: '-p',
  mongoimport: '-p',
};
/** `curl -u user:password`, `curl --user user:password`. */
const CURL_USER = new Set(['-u', '--user', '--proxy-user', '-U']);

/** A value the shell fills in (`$VAR`, `$(...)`, backquotes) or a placeholder is no literal. */
function isLiteral(name: string, value: string): boolean {
  return value !== '' && !value.includes('$') && !value.includes('`') && !isPlaceholderFor(name, value);
}

/** A credential name with a literal value, or a locator whose URL carries a password. */
function holdsCredential(name: string, value: string): boolean {
  if (isLocatorName(name)) return hasUserinfoPassword(value) && !value.includes('$');
  return isCredentialName(name) && isLiteral(name, value);
}

/** `key=value` inside an option's value (`--set a.password=x`, `--from-literal=token=x`). */
function innerAssignment(value: string): { key: string; value: string } | undefined {
  const equals = value.indexOf('=');
  if (equals <= 0) return undefined;
  const key = value.slice(0, equals);
  return /^[\w.-]+$/.test(key) ? { key, value: value.slice(equals + 1) } : undefined;
}

export function credentialArguments(words: readonly string[]): CredentialArgument[] {
  const found: CredentialArgument[] = [];
  let program: string | undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (OPERATORS.has(word)) {
      program = undefined;
      continue;
    }
    if (program === undefined) {
      const assignment = ASSIGNMENT.exec(word);
      if (assignment) {
        if (holdsCredential(assignment[1]!, assignment[2]!)) found.push({ option: assignment[1]!, word: index });
        continue;
      }
      if (!PREFIXES.has(word)) program = word.slice(word.lastIndexOf('/') + 1);
      continue;
    }
    index = readOption(words, index, program, found);
  }
  return found;
}

/** Reads the option at `index`; returns the index of the last word it used. */
function readOption(words: readonly string[], index: number, program: string, found: CredentialArgument[]): number {
  const word = words[index]!;
  const next = words[index + 1];
  const nextIsValue = next !== undefined && !next.startsWith('-') && !OPERATORS.has(next);
  const short = SHORT_PASSWORD[program];
  if (short !== undefined || MYSQL.test(program)) {
    const flag = short ?? '-p';
    if (word.length > 2 && word.startsWith(flag) && !word.startsWith('--') && isLiteral('password', word.slice(2))) {
      found.push({ option: flag, word: index });
      return index;
    }
    // mysql reads `-p value` as "ask for the password" and a database name.
    if (word === flag && short !== undefined && nextIsValue) {
      if (isLiteral('password', next)) found.push({ option: flag, word: index + 1 });
      return index + 1;
    }
  }
  if (program === 'curl' && CURL_USER.has(word) && nextIsValue) {
    const colon = next.indexOf(':');
    if (colon > 0 && isLiteral('password', next.slice(colon + 1))) found.push({ option: word, word: index + 1 });
    return index + 1;
  }
  const option = OPTION.exec(word);
  if (!option) {
    // Helm's `--set a.password=x` and positional `key=value` words.
    const inner = innerAssignment(word);
    if (inner && holdsCredential(inner.key, inner.value)) found.push({ option: inner.key, word: index });
    return index;
  }
  const [, dashes, name, attached] = option as unknown as [string, string, string, string | undefined];
  // A single dash with a short name is a cluster of letters (`-it`), not a Go flag.
  if (dashes === '-' && name.length <= 2) return index;
  // mysql's `--password` alone asks for the password; only `--password=x` carries it.
  const takesNext = attached === undefined && nextIsValue && !(MYSQL.test(program) && nameWords(name).at(-1) === 'password');
  const value = attached ?? (takesNext ? next : undefined);
  if (value === undefined) return index;
  const at = attached === undefined ? index + 1 : index;
  if (holdsCredential(name, value)) {
    found.push({ option: `${dashes}${name}`, word: at });
  } else {
    const inner = innerAssignment(value);
    if (inner && holdsCredential(inner.key, inner.value)) found.push({ option: `${dashes}${name} ${inner.key}`, word: at });
  }
  return at;
}

/** One word of a command line: the list item it was read from, and its 1-based line inside that item. */
export interface ArgumentWord {
  readonly text: string;
  readonly item: number;
  readonly line: number;
}

/**
 * The words of an argv list. An item holding blanks is a script (`sh -c "..."`, a `|` block): it
 * is split into its own words and kept apart from its neighbours, so its first word is a program.
 */
export function argvWords(items: readonly unknown[]): ArgumentWord[] {
  const words: ArgumentWord[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'string') return;
    if (!/\s/.test(item.trim())) {
      words.push({ text: item, item: index, line: 1 });
      return;
    }
    // A line break ends a shell command as `;` does; a backslash before it continues the line.
    let line = 1;
    for (const logical of item.split(/(?<!\\)\n/)) {
      words.push({ text: ';', item: index, line });
      let cursor = 0;
      let offset = 0;
      for (const text of shellWords(logical)) {
        // Quotes and escapes are gone from the word: where it is not found as written, the line stays.
        const at = logical.indexOf(text, cursor);
        if (at !== -1) {
          offset += countNewlines(logical, cursor, at);
          cursor = at;
        }
        words.push({ text, item: index, line: line + offset });
      }
      line += countNewlines(logical, 0, logical.length) + 1;
    }
    words.push({ text: ';', item: index, line: 1 });
  });
  return words;
}
