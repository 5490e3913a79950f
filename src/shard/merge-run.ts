/** Shard reports on disk → the run's result, with its run-wide stage done as the unsharded run does it. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveRuleSettings } from '../engine/rule-settings.js';
import { UsageError } from '../errors.js';
import { rules } from '../rules/index.js';
import type { LintOptions, LintRun } from '../run/lint.js';
import { createSuppressor } from '../suppress/suppressor.js';
import { finishSpool, withoutBaseline } from '../run/finish-spool.js';
import type { FindingSpool } from '../run/spool.js';
import { checkShards, mergeShards } from './merge.js';
import type { ShardReport } from './report.js';

/** Files, or folders whose `.json` files are the reports (as a CI artifact download leaves them). */
export async function mergeRun(names: readonly string[], setup: { lint: Pick<LintOptions, 'presets' | 'ruleOverrides' | 'suppress'> }, cwd: string): Promise<LintRun> {
  const files = (await Promise.all(names.map((name) => expand(path.resolve(cwd, name), name)))).flat();
  const reports = await Promise.all(files.map(async ({ file, name }) => ({ name, report: await readShard(file, name) })));
  if (reports.length === 0) throw new UsageError(`no shard report in ${names.join(', ')}.`);
  checkShards(reports);
  return finishShards(reports.map(({ report }) => report), setup.lint, cwd);
}

/**
 * The shards' results as one run, with the run-wide stage done: unused config exemptions (used by no shard),
 * then the baseline. With a `spool` (worker threads of a CLI run), the findings are in it, not in the reports.
 */
export function finishShards(reports: readonly ShardReport[], lint: Pick<LintOptions, 'presets' | 'ruleOverrides' | 'suppress'>, cwd: string, spool?: FindingSpool): LintRun {
  const merged = mergeShards(reports);
  const settings = resolveRuleSettings(rules, lint.presets ?? ['recommended'], lint.ruleOverrides);
  const suppressor = createSuppressor(spool ? withoutBaseline(lint.suppress) : lint.suppress, { rules, settings, cwd });
  for (const usage of merged.exemptions) suppressor.replayExemptions(usage);
  const result: LintRun = { ...merged.result, sources: new Map(), contextObjects: 0 };
  if (!spool) suppressor.finish(result);
  else {
    result.spool = spool;
    finishSpool(result, spool, suppressor, lint.suppress);
  }
  return result;
}

async function expand(file: string, name: string): Promise<{ file: string; name: string }[]> {
  const isFolder = await stat(file).then((info) => info.isDirectory(), () => false);
  if (!isFolder) return [{ file, name }];
  const entries = (await readdir(file)).filter((entry) => entry.endsWith('.json')).sort();
  return entries.map((entry) => ({ file: path.join(file, entry), name: path.posix.join(name.split(path.sep).join('/'), entry) }));
}

async function readShard(file: string, name: string): Promise<ShardReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the shard report ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as ShardReport;
  } catch {
    throw new UsageError(`${name} is not JSON: give kmlint merge the files that kmlint --shard i/n --output wrote.`);
  }
}
