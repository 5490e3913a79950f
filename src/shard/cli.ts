/** `kmlint --shard i/n`: the flags it takes, and the shard report it writes for `kmlint merge`. */
import { writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { LintRun } from '../run/lint.js';
import { VERSION } from '../version.js';
import { parseShard, type Shard } from './assign.js';
import { SHARD_REPORT_VERSION, type ShardReport } from './report.js';

interface ShardFlags {
  shard?: string;
  format?: string[];
  cache?: boolean;
  baseline?: string;
  'write-baseline'?: string;
}

/** The shard, after checking that the other flags leave the run-wide stage to the merge. */
export function shardFlag(values: ShardFlags): Shard {
  const shard = parseShard(values.shard ?? '');
  if (values.format?.some((format) => format !== 'json')) {
    throw new UsageError('--shard writes a shard report (JSON) for kmlint merge; give the formats to kmlint merge.');
  }
  if (values.baseline !== undefined || values['write-baseline'] !== undefined) {
    throw new UsageError('--shard leaves the baseline to kmlint merge: give --baseline or --write-baseline to kmlint merge.');
  }
  if (values.cache) throw new UsageError('--cache and --shard do not combine: each shard indexes every file anyway.');
  return shard;
}

/** Writes the shard report; exit 2 when a rule failed, else 0 (the merge decides whether the run fails). */
export async function writeShardReport(run: LintRun, output: string | undefined): Promise<number> {
  const report: ShardReport = {
    kmlintShardVersion: SHARD_REPORT_VERSION,
    version: VERSION,
    shard: run.shard!,
    files: run.files,
    findings: run.findings,
    objects: run.objects,
    internalErrors: run.internalErrors,
  };
  const text = `${JSON.stringify(report)}\n`;
  if (output !== undefined) await writeFile(output, text);
  else process.stdout.write(text);
  return run.internalErrors > 0 ? 2 : 0;
}
