/** The entry of the report thread (`dist/report-worker.js`): writes the reports the main thread handed it (`cli/report-thread.ts`). */
import { workerData } from 'node:worker_threads';
import { writeReportJob, type ReportJob } from './cli/report-job.js';

await writeReportJob(workerData as ReportJob);
