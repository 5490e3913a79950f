/**
 * Container command lines read as a control-plane component reads them: which component runs
 * (kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kubelet, also behind `hyperkube` or a
 * shell `sh -c "..."`), and its flags with the path of the list element that holds each one.
 */
import type { Path } from '../../types.js';
import { isString, listAt } from '../json.js';
import type { ContainerView } from '../model.js';

export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet';

export const COMPONENTS: readonly Component[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet'];

/** `hyperkube apiserver` and `hyperkube kube-apiserver` both start the API server. */
const HYPERKUBE_NAMES: Record<string, Component> = {
  apiserver: 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
};

/**
 * Flags these components declare boolean: written bare they mean true and never take the next word as
 * their value (`--profiling false` leaves `false` as a positional argument, as pflag does).
 */
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth', 'profiling', 'kubelet-https', 'service-account-lookup', 'use-service-account-credentials',
  'client-cert-auth', 'auto-tls', 'peer-client-cert-auth', 'peer-auto-tls', 'protect-kernel-defaults',
  'make-iptables-util-chains', 'rotate-certificates', 'service-account-extend-token-expiration', 'leader-elect',
  'allow-privileged', 'enable-bootstrap-token-auth', 'v', 'logtostderr',
]);

/** One word of a command line and the list element it was read from. */
export interface Word {
  text: string;
  path: Path;
  /** A program starts here: the first word, the first word of a shell script, or the word after `exec`. */
  start?: boolean;
}

export interface Flag {
  /** Without leading dashes: `anonymous-auth`. */
  name: string;
  /** The value written (`--x=v` or `--x v`); undefined for a bare flag, which means true. */
  value: string | undefined;
  /** The list element holding the flag. */
  path: Path;
}

export interface CommandLine {
  component: Component;
  /** Every flag in order; a repeated flag appears each time (the last one wins for the component). */
  flags: readonly Flag[];
  /** The `args` key when the flags are written there, else the `command` key: where a missing flag is reported. */
  anchor: Path;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)$/;
const SHELL_OPERATORS = new Set(['&&', '||', ';', '|', '&']);

/** `\s`, with the common blanks decided without a regexp call (this runs once per character). */
function isBlank(char: string): boolean {
  if (char === ' ' || char === '\t' || char === '\n' || char === '\r') return true;
  return (char < ' ' || char > '~') && /\s/.test(char);
}

/** Splits a shell script into words: whitespace, quotes, backslash-newline continuations, `;` and `&&` kept as words. */
export function shellWords(script: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  const flush = () => {
    if (started) words.push(current);
    current = '';
    started = false;
  };
  for (let index = 0; index < script.length; index++) {
    const char = script[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && index + 1 < script.length) current += script[++index];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === '\\' && script[index + 1] === '\n') {
      index++;
    } else if (char === '\\' && index + 1 < script.length) {
      current += script[++index];
      started = true;
    } else if (isBlank(char)) {
      flush();
    } else if (char === ';' || char === '|' || char === '&') {
      flush();
      const pair = script[index + 1] === char && char !== ';' ? char + char : char;
      index += pair.length - 1;
      words.push(pair);
    } else {
      current += char;
      started = true;
    }
  }
  flush();
  return words;
}

/** The words of `command` then `args`; a script after `sh -c` is split into its own words. */
export function commandWords(container: ContainerView): Word[] {
  const words: Word[] = [];
  for (const key of ['command', 'args'] as const) {
    listAt(container.value, [key]).forEach((item, index) => {
      if (!isString(item)) return;
      const path = [...container.path, key, index];
      const previous = words.at(-1);
      const shellScript = previous?.text === '-c' && words.length >= 2 && SHELLS.test(words.at(-2)!.text);
      if (shellScript) shellWords(item).forEach((text, at) => words.push({ text, path, start: at === 0 }));
      else words.push({ text: item, path, start: words.length === 0 });
    });
  }
  words.forEach((word, index) => {
    if (words[index - 1]?.text === 'exec') word.start = true;
  });
  return words;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The component a word starts (`/usr/local/bin/kube-apiserver`), and how many words it takes (`hyperkube apiserver`: 2). */
function componentAt(words: readonly Word[], index: number): { component: Component; length: number } | undefined {
  if (words[index]!.text.startsWith('-')) return undefined;
  const name = basename(words[index]!.text);
  if ((COMPONENTS as readonly string[]).includes(name)) return { component: name as Component, length: 1 };
  if (name === 'hyperkube' && index + 1 < words.length) {
    const sub = words[index + 1]!.text;
    const component = HYPERKUBE_NAMES[sub] ?? ((COMPONENTS as readonly string[]).includes(sub) ? (sub as Component) : undefined);
    if (component) return { component, length: 2 };
  }
  return undefined;
}

/** The component an image runs when the container names no command (`registry.k8s.io/kube-apiserver:v1.33.1`). */
function componentOfImage(image: string | undefined): Component | undefined {
  if (!image) return undefined;
  const name = basename(image.replace(/[@:][^/]*$/, ''));
  // etcd images also serve applications as a plain database: only the Kubernetes components are taken from the image.
  return (['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const).find((component) => component === name);
}

/** `--name=value`, `--name value` (unless boolean), `-name` (etcd's Go flags); words up to a shell operator. */
export function parseFlags(words: readonly Word[]): Flag[] {
  const flags: Flag[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (SHELL_OPERATORS.has(word.text)) break;
    const match = /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/.exec(word.text);
    if (!match) continue;
    const name = match[1]!;
    let value = match[2];
    const next = words[index + 1];
    if (value === undefined && next && !next.text.startsWith('-') && !SHELL_OPERATORS.has(next.text) && !BOOLEAN_FLAGS.has(name)) {
      value = next.text;
      index++;
    }
    flags.push({ name, value, path: word.path });
  }
  return flags;
}

/**
 * The component a container runs and its flags, or undefined when it runs none of them. The component
 * must be the program the container starts: the first word, the start of a `sh -c` script, or what a
 * script hands over to with `exec`. A component started midway through a longer script belongs to an
 * application wrapper (an etcd for a database, a test harness), not to a control plane.
 */
export function parseCommandLine(container: ContainerView): CommandLine | undefined {
  const words = commandWords(container);
  for (let index = 0; index < words.length; index++) {
    if (!words[index]!.start) continue;
    const found = componentAt(words, index);
    if (!found) continue;
    const flags = parseFlags(words.slice(index + found.length));
    return { component: found.component, flags, anchor: anchorOf(container, flags) };
  }
  const component = listAt(container.value, ['command']).length === 0 ? componentOfImage(container.image) : undefined;
  if (!component) return undefined;
  const flags = parseFlags(words);
  return { component, flags, anchor: anchorOf(container, flags) };
}

function anchorOf(container: ContainerView, flags: readonly Flag[]): Path {
  const inArgs = flags.some((flag) => flag.path.at(-2) === 'args');
  const hasCommand = Array.isArray(container.value.command);
  return [...container.path, inArgs || !hasCommand ? 'args' : 'command'];
}
