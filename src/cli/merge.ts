/** `kmlint merge shard-1.json … shard-n.json`: the shards' reports → one report, as an unsharded run writes it. */
import { readFile } from 'node:fs/promises';
import { maskedText } from '../cache/run-cache.js';
import { resolveRuleSettings } from '../engine/rule-settings.js';
import { rules } from '../rules/index.js';
import type { LintRun } from '../run/lint.js';
import { checkShards, mergeShards } from '../shard/merge.js';
import type { ShardReport } from '../shard/report.js';
import { createSuppressor } from '../suppress/suppressor.js';
import { UsageError, type ParsedArgs } from './args.js';
import { outputTargets } from './outputs.js';
import { report, setupFromFlags } from './run.js';

/** Formats that print source lines: the merge reads them from the checkout, masked as a run masks them. */
const NEEDS_SOURCES = new Set(['text', 'rdjson']);

export async function merge(args: ParsedArgs): Promise<number> {
  const { values } = args;
  const names = args.positionals.slice(1);
  if (names.length === 0) throw new UsageError('kmlint merge needs the shard reports: kmlint merge shard-1.json shard-2.json …');
  if (values.shard !== undefined) throw new UsageError('--shard is for the shard runs, not for kmlint merge.');
  const cwd = process.cwd();
  const targets = outputTargets(values.format, values.output);
  const reports = await Promise.all(names.map(async (name) => ({ name, report: await readShard(name) })));
  checkShards(reports);
  const merged = mergeShards(reports.map(({ report }) => report));

  // The run-wide stage, as the unsharded run does it: unused config exemptions (used by no shard), then the baseline.
  const setup = await setupFromFlags(values, cwd);
  const settings = resolveRuleSettings(rules, setup.lint.presets ?? ['recommended'], setup.lint.ruleOverrides);
  const suppressor = createSuppressor(setup.lint.suppress, { rules, settings, cwd });
  for (const usage of merged.exemptions) suppressor.replayExemptions(usage);
  const result: LintRun = { ...merged.result, sources: new Map(), contextObjects: 0 };
  suppressor.finish(result);

  if (targets.some((target) => NEEDS_SOURCES.has(target.format))) {
    for (const file of new Set(result.findings.map((finding) => finding.file))) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) result.sources.set(file, maskedText(text));
    }
  }
  return report(result, { setup, values, targets, cwd });
}

async function readShard(name: string): Promise<ShardReport> {
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the shard report ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as ShardReport;
  } catch {
    throw new UsageError(`${name} is not JSON: give kmlint merge the files that kmlint --shard i/n --output wrote.`);
  }
}
