/**
 * What the report thread is given, and what it does with it: the formatters over its own reading of the
 * run's findings (`SpoolCopy`), written to files the main thread opened. Plain, structured-clone data only.
 */
import { loadChunkFormatter, type FormatContext, type FormatInput, type FormatName } from '../formatters/index.js';
import { SharedReading } from '../run/shared-reading.js';
import { SpoolCopy, type SpoolParts } from '../run/spool.js';
import { writeReports, type ReportOutput } from './write-reports.js';

export interface ReportJob {
  /** Each report's format and the file descriptor it writes to (a process's descriptors serve every thread). */
  outputs: { format: FormatName; fd: number }[];
  result: Omit<FormatInput, 'findings'>;
  findings: SpoolParts;
  /** No source texts: the reports that print them stay in the main thread. */
  context: Omit<FormatContext, 'sources'>;
}

export async function writeReportJob(job: ReportJob): Promise<void> {
  const findings = new SpoolCopy(job.findings);
  try {
    const reading = job.outputs.length > 1 ? new SharedReading(findings) : undefined;
    const outputs: ReportOutput[] = [];
    for (const { format, fd } of job.outputs) {
      const formatter = await loadChunkFormatter(format);
      const own = reading?.share();
      outputs.push({ chunks: () => formatter({ ...job.result, findings: own ?? findings }, job.context), fd, ...(own ? { reading: own } : {}) });
    }
    await writeReports(outputs);
  } finally {
    findings.close();
  }
}
