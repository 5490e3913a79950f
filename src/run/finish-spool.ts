/**
 * The run-wide stage of a spooled run: what the suppressor adds after every file (config exemptions that
 * matched nothing) goes after the lines, and the baseline marks findings as a view over the spool, since
 * they are read again on every pass. One thread and worker threads end the same way.
 */
import type { SuppressOptions } from '../suppress/options.js';
import type { Suppressor } from '../suppress/suppressor.js';
import type { LintRun } from './lint.js';
import type { FindingSpool } from './spool.js';

/** `suppressor` was made without the baseline (`withoutBaseline`): the spool applies it. */
export function finishSpool(run: LintRun, spool: FindingSpool, suppressor: Suppressor, suppress: SuppressOptions | undefined): void {
  suppressor.finish({ ...run, findings: spool.tail });
  if (!suppress?.baseline) return;
  const { baseline, file } = suppress.baseline;
  spool.view({ kind: 'baseline', baseline, file });
  let matched = 0;
  for (const finding of spool) if (finding.suppression?.source === 'baseline') matched++;
  run.baseline = { file, entries: baseline.findings.length, matched, fixed: baseline.findings.length - matched };
}

/** The suppression options a spooled run's suppressor takes: the baseline is the spool's to apply. */
export function withoutBaseline(suppress: SuppressOptions | undefined): SuppressOptions | undefined {
  return suppress?.baseline ? { ...suppress, baseline: undefined } : suppress;
}
