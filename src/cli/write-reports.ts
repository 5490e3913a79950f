/**
 * Writes the run's reports as they are produced, side by side: no report is ever one string, and reports
 * that share one reading of the findings (`run/shared-reading.ts`) move along it together, the one furthest
 * behind first. A file is written synchronously: a write to a regular file lands in the page cache at once,
 * and waiting on the event loop for each batch left the CPU idle for a third of a cached run. Standard
 * output may be a pipe whose reader is slow: there the writes wait.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { loadChunkFormatter, type FormatContext, type FormatInput, type FormatName } from '../formatters/index.js';
import { SharedReading, type SharedFindings } from '../run/shared-reading.js';
import type { Finding } from '../types.js';
import { UsageError } from './args.js';

export interface ReportOutput {
  /** Called when the report is first written to: a formatter may read the findings before its first piece. */
  chunks: () => Iterable<string>;
  /** The report's open file (`openReports`); undefined: standard output. */
  fd?: number;
  /** The report's share of one reading of the findings, when it has one. */
  reading?: SharedFindings;
}

/**
 * Each report's formatter over the findings, ready to write. Reports written together share one reading of
 * spooled findings (`shared`): each reading parses every finding again.
 */
export async function reportOutputs(
  reports: readonly { format: FormatName; fd?: number; context: FormatContext }[],
  input: Omit<FormatInput, 'findings'>,
  findings: Iterable<Finding>,
  shared: boolean,
): Promise<ReportOutput[]> {
  const reading = shared && reports.length > 1 ? new SharedReading(findings) : undefined;
  const outputs: ReportOutput[] = [];
  for (const { format, fd, context } of reports) {
    const formatter = await loadChunkFormatter(format);
    const own = reading?.share();
    outputs.push({ chunks: () => formatter({ ...input, findings: own ?? findings }, context), ...(fd !== undefined ? { fd } : {}), ...(own ? { reading: own } : {}) });
  }
  return outputs;
}

/**
 * A piece with nothing to write: a report that keeps text aside for later (GitHub's warnings, JUnit's suites)
 * yields it as it reads, so that the writer moves the other reports along the reading they share instead of
 * letting this one run ahead of it into a reading of its own.
 */
const KEEP_MOVING = '';

/** Pieces smaller than this are joined before writing, so a million findings are not a million writes. */
const WRITE_BATCH = 1 << 16;

/**
 * Opens every report's file before any report is written: a path that cannot be written stops the run
 * first. Undefined for standard output. The caller closes them (`closeReports`).
 */
export function openReports(targets: readonly { format: string; file?: string }[]): (number | undefined)[] {
  const fds: (number | undefined)[] = [];
  try {
    for (const target of targets) fds.push(target.file === undefined ? undefined : openReport(target.format, target.file));
    return fds;
  } catch (error) {
    closeReports(fds);
    throw error;
  }
}

export function closeReports(fds: readonly (number | undefined)[]): void {
  for (const fd of fds) if (fd !== undefined) closeSync(fd);
}

export async function writeReports(outputs: readonly ReportOutput[]): Promise<void> {
  let active = outputs.map((output) => ({ output, batches: batched(output.chunks) }));
  while (active.length > 0) {
    const next = furthestBehind(active);
    const batch = next.batches.next();
    if (batch.done) {
      next.output.reading?.release();
      active = active.filter((report) => report !== next);
    } else if (batch.value === KEEP_MOVING) {
      continue;
    } else if (next.output.fd !== undefined) {
      writeSync(next.output.fd, batch.value);
    } else if (!process.stdout.write(batch.value)) {
      await once(process.stdout, 'drain');
    }
  }
}

/** A report reading on its own (or not yet reading) goes first; then the one whose shared reading is behind. */
function furthestBehind<T extends { output: ReportOutput }>(reports: readonly T[]): T {
  let chosen = reports[0]!;
  let lowest = Infinity;
  for (const report of reports) {
    const position = report.output.reading?.position ?? -1;
    if (position < lowest) {
      lowest = position;
      chosen = report;
    }
  }
  return chosen;
}

function openReport(format: string, file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    throw new UsageError(`cannot write the ${format} report to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Pieces joined into batches; an empty piece is passed on at once (see `KEEP_MOVING`). */
function* batched(chunks: () => Iterable<string>): Generator<string> {
  let batch = '';
  for (const chunk of chunks()) {
    if (chunk === KEEP_MOVING) {
      yield KEEP_MOVING;
      continue;
    }
    batch += chunk;
    if (batch.length >= WRITE_BATCH) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
