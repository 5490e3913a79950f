/**
 * What the report thread is given, and what it does with it: the formatters over its own reading of the
 * run's findings (`SpoolCopy`), written to files the main thread opened. Plain, structured-clone data only.
 */
import type { FormatContext, FormatInput, FormatName } from '../formatters/index.js';
import { SpoolCopy, type SpoolParts } from '../run/spool.js';
import { reportOutputs, writeReports } from './write-reports.js';

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
  await writeReports(await reportOutputs(job.outputs.map((output) => ({ ...output, context: job.context })), job.result, findings, true));
}
