/** Output formats by name; each is loaded only when asked for. */
import type { Finding, LintResult } from '../types.js';
import type { FormatContext } from './context.js';

export type { FormatContext } from './context.js';
/**
 * What a report is made of. `findings` may be read several times (counts before the list): an array, or the
 * CLI's spool, which reads them back from disk each time.
 */
export type FormatInput = Omit<LintResult, 'findings'> & { findings: Iterable<Finding>; notes?: readonly string[] };
/** The whole report as one string: the library's form, for reports that fit in memory. */
export type Formatter = (result: FormatInput, context: FormatContext) => string;
/** The report as it is produced, piece by piece, for writing to a stream (the CLI's form: no size limit). */
export type ChunkFormatter = (result: FormatInput, context: FormatContext) => Iterable<string>;

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit', 'rdjson', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

const loaders = {
  text: async () => (await import('./text.js')).textChunks,
  json: async () => (await import('./json.js')).jsonReportChunks,
  sarif: async () => (await import('./sarif.js')).sarifChunks,
  github: async () => (await import('./github.js')).githubChunks,
  gitlab: async () => (await import('./gitlab.js')).gitlabChunks,
  junit: async () => (await import('./junit.js')).junitChunks,
  rdjson: async () => (await import('./rdjson.js')).rdjsonChunks,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyleChunks,
} satisfies Record<FormatName, () => Promise<ChunkFormatter>>;

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function loadChunkFormatter(name: FormatName): Promise<ChunkFormatter> {
  return loaders[name]();
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return joined(await loaders[name]());
}

/** The string form of a chunk formatter. */
export function joined(chunks: ChunkFormatter): Formatter {
  return (result, context) => [...chunks(result, context)].join('');
}
