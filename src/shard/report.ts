/**
 * What one shard hands to `kmlint merge`: its files' results before the run-wide stage (baseline, unused
 * config exemptions), where each file sits among all inputs, and what it did to each config exemption.
 */
import type { ExemptionUsage } from '../suppress/options.js';
import type { FileReport, Finding } from '../types.js';
import type { Shard } from './assign.js';

export const SHARD_REPORT_VERSION = 1;

export interface ShardInfo extends Shard {
  /** Inputs of the whole run (every shard sees them all). */
  inputs: number;
  /** For each of the shard's files, its position among the run's inputs. */
  positions: number[];
  /** For each of the shard's files, the notes it produced. */
  fileNotes: string[][];
  /** Notes about finding the inputs (the same in every shard). */
  discoveryNotes: string[];
  /** Kinds holding containers that no pod view reached. */
  unreached: string[];
  /** What rules counted over the shard's files (`context.tally`), summed by the merge into one line each. */
  tallies: { key: string; count: number; items: string[] }[];
  exemptions: ExemptionUsage;
}

export interface ShardReport {
  kmlintShardVersion: typeof SHARD_REPORT_VERSION;
  /** The kmlint that wrote it: shards of different versions do not merge. */
  version: string;
  shard: ShardInfo;
  files: FileReport[];
  findings: Finding[];
  objects: number;
  internalErrors: number;
}
