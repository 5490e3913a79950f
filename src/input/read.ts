/** Reads one input file, refusing what is not text we should parse; never throws. */
import { readFile, stat } from 'node:fs/promises';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;

export type ReadOutcome = { text: string } | { skipped: string };

export async function readInput(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadOutcome> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { skipped: 'is a directory' };
    if (info.size > maxBytes) return { skipped: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(info.size)})` };
    const buffer = await readFile(file);
    return decode(buffer, maxBytes);
  } catch (error) {
    return { skipped: describeError(error) };
  }
}

/** Shared by files and standard input. */
export function decode(buffer: Buffer, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  if (buffer.length > maxBytes) return { skipped: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(buffer.length)})` };
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  return { text: buffer.toString('utf8') };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'unreadable (permission denied)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'no such file (a broken symbolic link?)';
    default:
      return `unreadable (${code ?? (error as Error).message})`;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
