/** Output formats by name; each is loaded only when asked for. */
import type { LintResult } from '../types.js';
import type { FormatContext } from './context.js';

export type { FormatContext } from './context.js';
export type Formatter = (result: LintResult & { notes?: readonly string[] }, context: FormatContext) => string;

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit', 'rdjson', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

const loaders = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  gitlab: async () => (await import('./gitlab.js')).formatGitlab,
  junit: async () => (await import('./junit.js')).formatJunit,
  rdjson: async () => (await import('./rdjson.js')).formatRdjson,
  checkstyle: async () => (await import('./checkstyle.js')).formatCheckstyle,
} satisfies Record<FormatName, () => Promise<Formatter>>;

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}
