/**
 * Writes the run's reports as they are produced, side by side: no report is ever one string, and reports
 * that share one reading of the findings (`run/shared-reading.ts`) move along it together, the one furthest
 * behind first. A file is written synchronously: a write to a regular file lands in the page cache at once,
 * and waiting on the event loop for each batch left the CPU idle for a third of a cached run. Standard
 * output may be a pipe whose reader is slow: there the writes wait.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import type { SharedFindings } from '../run/shared-reading.js';
import { UsageError } from './args.js';

export interface ReportOutput {
  /** Format name, for messages. */
  format: string;
  /** Called when the report is first written to: a formatter may read the findings before its first piece. */
  chunks: () => Iterable<string>;
  /** Undefined: standard output. */
  file?: string;
  /** The report's share of one reading of the findings, when it has one. */
  reading?: SharedFindings;
}

/** Pieces smaller than this are joined before writing, so a million findings are not a million writes. */
const WRITE_BATCH = 1 << 16;

export async function writeReports(outputs: readonly ReportOutput[]): Promise<void> {
  const open: { output: ReportOutput; batches: Iterator<string>; fd?: number }[] = [];
  try {
    // Every file is opened before any report is written: a path that cannot be written stops the run first.
    for (const output of outputs) open.push({ output, batches: batched(output.chunks), ...(output.file !== undefined ? { fd: openReport(output) } : {}) });
    let active = open;
    while (active.length > 0) {
      const next = furthestBehind(active);
      const batch = next.batches.next();
      if (batch.done) {
        next.output.reading?.release();
        active = active.filter((report) => report !== next);
      } else if (next.fd !== undefined) {
        writeSync(next.fd, batch.value);
      } else if (!process.stdout.write(batch.value)) {
        await once(process.stdout, 'drain');
      }
    }
  } finally {
    for (const { fd } of open) if (fd !== undefined) closeSync(fd);
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

function openReport(output: ReportOutput): number {
  try {
    return openSync(output.file!, 'w');
  } catch (error) {
    throw new UsageError(`cannot write the ${output.format} report to ${output.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function* batched(chunks: () => Iterable<string>): Generator<string> {
  let batch = '';
  for (const chunk of chunks()) {
    batch += chunk;
    if (batch.length >= WRITE_BATCH) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
