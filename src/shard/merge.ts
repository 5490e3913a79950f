/** Shards' reports → the one result an unsharded run would have had, before its run-wide stage. */
import { UsageError } from '../errors.js';
import { decisionSummary } from '../input/decision.js';
import type { Tallies } from '../types.js';
import { rules } from '../rules/index.js';
import { tallyNotes, unreachedNote } from '../run/lint.js';
import type { ExemptionUsage } from '../suppress/options.js';
import type { FileReport, Finding, LintResult } from '../types.js';
import { VERSION } from '../version.js';
import { SHARD_REPORT_VERSION, type ShardReport } from './report.js';

export interface MergedShards {
  result: LintResult & { notes: string[] };
  /** Each shard's use of the config exemptions, to replay before unused ones are reported. */
  exemptions: ExemptionUsage[];
}

/** Checks that the reports are the n shards of one run, each once; a clear usage error otherwise. */
export function checkShards(reports: readonly { name: string; report: ShardReport }[]): void {
  for (const { name, report } of reports) {
    if (report?.kmlintShardVersion !== SHARD_REPORT_VERSION || typeof report.shard !== 'object') {
      throw new UsageError(`${name} is not a shard report: write one with kmlint --shard i/n --output ${name}.`);
    }
    if (report.version !== VERSION) throw new UsageError(`${name} was written by kmlint ${report.version}; this is kmlint ${VERSION}: run every shard and the merge with one version.`);
  }
  const first = reports[0]!.report.shard;
  const seen = new Map<number, string>();
  for (const { name, report } of reports) {
    const { index, count, inputs } = report.shard;
    if (count !== first.count || inputs !== first.inputs) throw new UsageError(`${name} is shard ${index}/${count} of a run over ${inputs} inputs; ${reports[0]!.name} is of ${first.count} shards over ${first.inputs}: they are not from one run.`);
    if (seen.has(index)) throw new UsageError(`${name} and ${seen.get(index)} are both shard ${index}/${count}.`);
    seen.set(index, name);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UsageError(`shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${first.count} missing: merge every shard's report.`);
}

export function mergeShards(reports: readonly ShardReport[]): MergedShards {
  const slots: { file: FileReport; findings: Finding[]; notes: string[] }[] = [];
  const strays: Finding[] = [];
  const unreached = new Set<string>();
  const tallies: Tallies = new Map();
  let objects = 0;
  let internalErrors = 0;
  for (const report of [...reports].sort((a, b) => a.shard.index - b.shard.index)) {
    const own = new Map<string, Finding[]>();
    report.files.forEach((file, at) => {
      const slot = { file, findings: [], notes: report.shard.fileNotes[at] ?? [] };
      slots[report.shard.positions[at]!] = slot;
      own.set(file.file, slot.findings);
    });
    // Findings are grouped by file, in the order of the run; findings on files no shard reports come first.
    for (const finding of report.findings) (own.get(finding.file) ?? strays).push(finding);
    for (const kind of report.shard.unreached) unreached.add(kind);
    for (const { key, count, items } of report.shard.tallies ?? []) {
      const entry = tallies.get(key) ?? { count: 0, items: new Set<string>() };
      entry.count += count;
      for (const item of items) entry.items.add(item);
      tallies.set(key, entry);
    }
    objects += report.objects;
    internalErrors += report.internalErrors;
  }
  const placed = slots.filter((slot) => slot !== undefined);
  const files = placed.map((slot) => slot.file);
  const notes = [...reports[0]!.shard.discoveryNotes, ...placed.flatMap((slot) => slot.notes), ...decisionSummary(files), ...tallyNotes(tallies, rules), ...unreachedNote(unreached)];
  return {
    result: { files, findings: [...strays, ...placed.flatMap((slot) => slot.findings)], objects, internalErrors, notes },
    exemptions: reports.map((report) => report.shard.exemptions),
  };
}
