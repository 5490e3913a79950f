/** Reads one input file, refusing what is not text we should parse; never throws, never blocks on a special file. */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { InvalidText } from '../types.js';
import { isUtf8 } from 'node:buffer';
import { overBudget, surelyWithinBudget } from '../yaml/budget.js';
import { ScratchBuffer } from './scratch-buffer.js';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
const CHUNK_BYTES = 64 * 1024;

/** Text to lint; a reason to skip the file (one line on stderr); or bytes that are not UTF-8 (one finding). */
export type ReadOutcome = { text: string } | { skipped: string } | { invalid: InvalidText };

export type { InvalidText };

/**
 * Reads a file synchronously, at most `maxBytes` + 1 bytes whatever size it claims (files in /proc claim 0,
 * /dev/zero never ends). Synchronous on purpose: an asynchronous read is five or six round trips to libuv's
 * thread pool, and each only moves on when the main thread is free, which it is not while it parses. Reads
 * queued ahead therefore barely advanced, and a run awaited them: at 13,000 documents 2.4 s of a 19.8 s run
 * with a cold page cache, against 1.1 s of 17.9 s read this way (docs/performance.md).
 */
export function readInputSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  const read = readInto(file, maxBytes);
  // Decoded (copied into a string) before the next read reuses the buffer.
  return Buffer.isBuffer(read) ? decode(read, maxBytes) : read;
}

/** The file's bytes as `readInputSync` reads them, before they are decoded (a buffer of their own); or why they were not read. */
export function readBytesSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Buffer | ReadOutcome {
  const read = readInto(file, maxBytes);
  return Buffer.isBuffer(read) ? Buffer.from(read) : read;
}

/** Files are read into one buffer per thread: their bytes must be used before the next read. */
const scratch = new ScratchBuffer();

function readInto(file: string, maxBytes: number): Buffer | ReadOutcome {
  try {
    const info = statSync(file);
    const refused = refusal(info, maxBytes);
    if (refused) return refused;
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const changed = specialKind(fstatSync(fd));
      if (changed) return { skipped: `${changed}, not read` };
      // Sized to the whole file and one byte more, so the end is seen by the next read, without growing.
      let buffer = scratch.of(Math.min(Math.max(info.size + 1, CHUNK_BYTES), maxBytes + 1));
      let total = 0;
      for (;;) {
        if (total === buffer.length) {
          if (total > maxBytes) break;
          buffer = scratch.grown(buffer, Math.min(total * 2, maxBytes + 1), total);
        }
        const bytesRead = readSync(fd, buffer, total, Math.min(buffer.length, maxBytes + 1) - total, null);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
      if (total > maxBytes) return tooLarge(maxBytes, total, true);
      return buffer.subarray(0, total);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { skipped: describeError(error) };
  }
}

/** Why a file is not read, from its stat: a folder, a special file, or too large. */
function refusal(info: Stats, maxBytes: number): ReadOutcome | undefined {
  if (info.isDirectory()) return { skipped: 'is a directory' };
  const special = specialKind(info);
  if (special) return { skipped: `${special}, not read` };
  return info.size > maxBytes ? tooLarge(maxBytes, info.size) : undefined;
}

function specialKind(info: { isFile(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device file';
  return 'not a regular file';
}

/** Shared by files and standard input: byte order marks, UTF-16, binary and invalid UTF-8. */
export function decode(buffer: Buffer, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  if (buffer.length > maxBytes) return tooLarge(maxBytes, buffer.length);
  const utf16 = utf16Of(buffer);
  if (!utf16 && buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    // The decoder drops a leading byte order mark, as editors hide it: columns of line 1 match what users see.
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { invalid: utf16 ? { message: 'The file starts with a UTF-16 byte order mark but is not valid UTF-16.', line: 1, column: 1 } : invalidUtf8(buffer) };
  }
  if (text.includes('\0')) return { skipped: 'binary file (contains NUL characters)' };
  const cost = overBudget(text);
  return cost ? { skipped: cost } : { text };
}

/**
 * The UTF-8 bytes of the text `decode` gives, when that is plain without decoding: within the size limit, no
 * UTF-16 byte order mark, no NUL, valid UTF-8 and surely within the parse budget (a UTF-8 byte order mark,
 * which decoding drops, is cut off). Undefined: only decoding tells.
 */
export function plainUtf8(buffer: Buffer, maxBytes = DEFAULT_MAX_FILE_BYTES): Buffer | undefined {
  if (buffer.length > maxBytes || !surelyWithinBudget(buffer)) return undefined;
  if (utf16Of(buffer)) return undefined;
  if (buffer.includes(0) || !isUtf8(buffer)) return undefined;
  return buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
}

/** The UTF-16 encoding a byte order mark names, if the bytes start with one. */
function utf16Of(buffer: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  return buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : undefined;
}

/** Where the first byte that is not UTF-8 sits: Latin-1 or Windows-1252 text, most of the time. */
function invalidUtf8(buffer: Buffer): InvalidText {
  let offset = 0;
  while (offset < buffer.length) {
    const length = sequenceLength(buffer, offset);
    if (length === 0) break;
    offset += length;
  }
  const before = buffer.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
  const column = new TextDecoder().decode(buffer.subarray(lineStart, offset)).length + 1;
  const byte = buffer[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return { message: `The file is not valid UTF-8 (byte 0x${byte}, Latin-1 or Windows-1252 text?); kubectl rejects it: save it as UTF-8.`, line, column };
}

/** Length of the valid UTF-8 sequence at offset, or 0. */
function sequenceLength(buffer: Buffer, offset: number): number {
  const first = buffer[offset]!;
  const length = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  if (length === 0 || offset + length > buffer.length) return 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(offset, offset + length));
    return length;
  } catch {
    return 0;
  }
}

function tooLarge(maxBytes: number, size: number, atLeast = false): ReadOutcome {
  return { skipped: `larger than the ${formatBytes(maxBytes)} limit (${atLeast ? 'over ' : ''}${formatBytes(size)})` };
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
      return 'no such file (removed during the run, or a broken symbolic link)';
    default:
      return `unreadable (${code ?? (error as Error).message})`;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
