/** `kmlint merge shard-1.json … shard-n.json`: the shards' reports → one report, as an unsharded run writes it. */
import { readFile } from 'node:fs/promises';
import { maskedText } from '../cache/run-cache.js';
import { mergeRun } from '../shard/merge-run.js';
import { UsageError, type ParsedArgs } from './args.js';
import { outputTargets } from './outputs.js';
import { report, setupFromFlags } from './run.js';

/** Formats that print source lines: the merge reads them from the checkout, masked as a run masks them. */
const NEEDS_SOURCES = new Set(['text', 'rdjson']);

export async function merge(args: ParsedArgs): Promise<number> {
  const { values } = args;
  const names = args.positionals.slice(1);
  if (names.length === 0) throw new UsageError('kmlint merge needs the shard reports: kmlint merge shard-1.json shard-2.json … (or their folder)');
  if (values.shard !== undefined) throw new UsageError('--shard is for the shard runs, not for kmlint merge.');
  const cwd = process.cwd();
  const targets = outputTargets(values.format, values.output);
  const setup = await setupFromFlags(values, cwd);
  const result = await mergeRun(names, setup, cwd);
  if (targets.some((target) => NEEDS_SOURCES.has(target.format))) {
    for (const file of new Set(result.findings.map((finding) => finding.file))) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) result.sources.set(file, maskedText(text));
    }
  }
  return report(result, { setup, values, targets, cwd });
}
