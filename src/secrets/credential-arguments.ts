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
import { lineStarts, linesWith } from './hinted-lines.js';
import { hasUserinfoPassword, isPlaceholderFor } from './placeholders.js';

export interface CredentialArgument {
  /** What carries the value, as written: `--password`, `-p`, `DB_PASSWORD`, `--set db.password`. */
  readonly option: string;
  /** Index of the word that holds the value. */
  readonly word: number;
  /** Where the value starts inside that word (after `--password=`, `-p`, `user:`). */
  readonly from: number;
}

const OPERATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', '{', '}', 'then', 'do', 'else']);
/** Words before the program that keep the next word in program position. */
const PREFIXES = new Set(['exec', 'sudo', 'env', 'export', 'readonly', 'local', 'declare', 'nohup', 'time', 'command']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const OPTION = /^(--?)([A-Za-z][\w.-]*)(?:=([\s\S]*))?$/;

const MYSQL = /^(?:mysql\w*|mariadb[\w-]*)$/;
/** Asked for every word: most programs do not start with `m`. */
function isMysql(program: string): boolean {
  return program.startsWith('m') && MYSQL.test(program);
}
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

/**
 * The credentials in a list of words. `anyProgram` reads every word as an argument of every tool
 * (the redaction stage, which sees lines of text and cannot tell which program they belong to).
 */
export function credentialArguments(words: readonly string[], anyProgram = false): CredentialArgument[] {
  const found: CredentialArgument[] = [];
  const tools = ['sshpass', 'curl', ...(words.includes('redis-cli') ? ['redis-cli'] : [])];
  let program: string | undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (OPERATORS.has(word)) {
      program = undefined;
      continue;
    }
    if (anyProgram) {
      // `NAME=value` words are read by readOption as positional assignments.
      let tool: number | undefined;
      for (let at = 0; tool === undefined && at < tools.length; at++) tool = readToolOption(words, index, tools[at]!, found);
      index = tool ?? readOption(words, index, '', found);
      continue;
    }
    if (program === undefined) {
      const assignment = ASSIGNMENT.exec(word);
      if (assignment) {
        if (holdsCredential(assignment[1]!, assignment[2]!)) found.push({ option: assignment[1]!, word: index, from: assignment[1]!.length + 1 });
        continue;
      }
      if (!PREFIXES.has(word)) program = word.slice(word.lastIndexOf('/') + 1);
      continue;
    }
    index = readOption(words, index, program, found);
  }
  return found;
}

function valueFollows(words: readonly string[], index: number): boolean {
  const next = words[index + 1];
  return next !== undefined && !next.startsWith('-') && !OPERATORS.has(next);
}

/** A tool's own password option (`mysql -px`, `sshpass -p x`, `curl -u u:x`); the index of the last word used, if it was one. */
function readToolOption(words: readonly string[], index: number, program: string, found: CredentialArgument[]): number | undefined {
  const word = words[index]!;
  const short = SHORT_PASSWORD[program];
  if (short !== undefined || isMysql(program)) {
    const flag = short ?? '-p';
    if (word.length > 2 && word.startsWith(flag) && !word.startsWith('--') && isLiteral('password', word.slice(2))) {
      found.push({ option: flag, word: index, from: 2 });
      return index;
    }
    // mysql reads `-p value` as "ask for the password" and a database name.
    if (word === flag && short !== undefined && valueFollows(words, index)) {
      if (isLiteral('password', words[index + 1]!)) found.push({ option: flag, word: index + 1, from: 0 });
      return index + 1;
    }
  }
  if (program === 'curl' && CURL_USER.has(word) && valueFollows(words, index)) {
    const next = words[index + 1]!;
    const colon = next.indexOf(':');
    if (colon > 0 && isLiteral('password', next.slice(colon + 1))) found.push({ option: word, word: index + 1, from: colon + 1 });
    return index + 1;
  }
  return undefined;
}

/** Reads the option at `index`; returns the index of the last word it used. */
function readOption(words: readonly string[], index: number, program: string, found: CredentialArgument[]): number {
  const tool = readToolOption(words, index, program, found);
  if (tool !== undefined) return tool;
  const word = words[index]!;
  const next = words[index + 1];
  const nextIsValue = valueFollows(words, index);
  const option = OPTION.exec(word);
  if (!option) {
    // Helm's `--set a.password=x` and positional `key=value` words.
    const inner = innerAssignment(word);
    if (inner && holdsCredential(inner.key, inner.value)) found.push({ option: inner.key, word: index, from: word.length - inner.value.length });
    return index;
  }
  const [, dashes, name, attached] = option as unknown as [string, string, string, string | undefined];
  // A single dash with a short name is a cluster of letters (`-it`), not a Go flag.
  if (dashes === '-' && name.length <= 2) return index;
  // mysql's `--password` alone asks for the password; only `--password=x` carries it.
  const takesNext = attached === undefined && nextIsValue && !(isMysql(program) && nameWords(name).at(-1) === 'password');
  const value = attached ?? (takesNext ? next : undefined);
  if (value === undefined) return index;
  const at = attached === undefined ? index + 1 : index;
  const valueWord = words[at]!;
  if (holdsCredential(name, value)) {
    found.push({ option: `${dashes}${name}`, word: at, from: valueWord.length - value.length });
  } else {
    const inner = innerAssignment(value);
    if (inner && holdsCredential(inner.key, inner.value)) found.push({ option: `${dashes}${name} ${inner.key}`, word: at, from: valueWord.length - inner.value.length });
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

/** A YAML key at the start of a line (after a sequence dash): a new field, so no command line runs on across it. */
const YAML_KEY = /^[ \t]*(?:-[ \t]+)?["']?[\w.\/-]+["']?[ \t]*:(?:[ \t]+|$)/;
/**
 * What every word that leads to a finding contains, once quotes and escapes are gone: a credential
 * or locator name, a tool's password option (`-p`, `-a`, `-u`, `-U`, `--user`, `--proxy-user`) as a
 * word of its own, or `redis-cli` (which makes `-a` one). Most lines hold none and are not split.
 */
const ARGUMENT_HINT = /pass|pw|pswrd|secret|token|cred|bearer|dsn|key|conn|auth|jwt|ur[il]|endpoint|redis-cli|(?:^|[^a-z0-9_\n-])-[pau]|--(?:proxy-)?user/gm;
/** Quotes and escapes: removed before looking for hints, so `pa"ss"word` still names a password. */
const QUOTING = /["'\\]/g;

/** The words of one line: `;` for a YAML key, then its value (or sequence item) read as shell words. */
function readLineWords(line: string, number: number, words: { text: string; line: number }[]): void {
  const key = YAML_KEY.exec(line);
  if (key) words.push({ text: ';', line: number });
  // Flow sequences: brackets and the commas between items are YAML, not shell.
  const rest = (key ? line.slice(key[0].length) : line.replace(/^[ \t]*-[ \t]+/, '')).replace(/^[ \t]*\[|\][ \t]*(?:#.*)?$/g, '');
  const flow = /^[ \t]*\[/.test(key ? line.slice(key[0].length) : '');
  for (const item of shellWords(flow ? rest.replace(/,(?=(?:[^"']|"[^"]*"|'[^']*')*$)/g, ' ') : rest)) {
    for (const word of /\s/.test(item) ? shellWords(item) : [item]) words.push({ text: word, line: number });
  }
}

/**
 * Where a text (a manifest, read line by line without parsing it) passes a credential on a
 * command line: the offsets of each value's word, whatever program it belongs to. Block and flow
 * sequences, block scripts and `sh -c` strings are all read as words.
 */
export function credentialArgumentOffsets(text: string): { start: number; end: number }[] {
  const words: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  // Set while the words of the last line that gave any could still take a value from this one.
  let valueMayFollow = false;
  const plain = text.toLowerCase().replace(QUOTING, '');
  const hinted = linesWith(plain, ARGUMENT_HINT, lineStarts(plain));
  lines.forEach((line, number) => {
    starts.push(offset);
    offset += line.length + 1;
    const candidate = hinted[number] === 1;
    if (!candidate && !valueMayFollow) {
      // A line with nothing to find is one separator: no option before it reads a value past it.
      if (words.at(-1)?.text !== ';') words.push({ text: ';', line: number });
      return;
    }
    const before = words.length;
    readLineWords(line, number, words);
    valueMayFollow = candidate || (valueMayFollow && words.length === before);
  });
  const spans: { start: number; end: number }[] = [];
  for (const found of credentialArguments(words.map((word) => word.text), true)) {
    const word = words[found.word]!;
    const line = lines[word.line]!;
    const value = word.text.slice(found.from);
    const at = line.indexOf(value);
    // Quotes or escapes changed the value: mask from its option (or the line's start) to the end of the line.
    const prefix = at === -1 ? line.indexOf(word.text.slice(0, found.from)) : -1;
    const start = at !== -1 ? at : prefix !== -1 ? prefix + found.from : line.search(/\S/);
    spans.push({ start: starts[word.line]! + start, end: starts[word.line]! + (at !== -1 ? at + value.length : line.length) });
  }
  return spans;
}
