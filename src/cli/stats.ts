/** `--stats`: where the time of a run went, per stage and per rule, slowest first. */
import type { RunStats } from '../run/lint.js';

export function formatStats(stats: RunStats, top = 15): string {
  const lines = stats.threads ? [`kmlint: threads: ${stats.threads.threads} (${stats.threads.reason})`] : [];
  lines.push('kmlint: time per stage (ms)');
  for (const [stage, ms] of Object.entries(stats.stages)) lines.push(`  ${stage.padEnd(24)} ${ms.toFixed(1).padStart(9)}`);
  if (stats.indexOnDisk) {
    const { records, bytes, reads } = stats.indexOnDisk;
    lines.push(`kmlint: index values on disk: ${records} records, ${(bytes / 1048576).toFixed(1)} MB, read back ${reads} times`);
  }
  if (stats.watchesOnDisk) {
    const { records, bytes, reads } = stats.watchesOnDisk;
    lines.push(`kmlint: watches on disk: ${records} watches, ${(bytes / 1048576).toFixed(1)} MB, read back in ${reads} batches`);
  }
  if (stats.lateOnDisk) {
    const { records, bytes } = stats.lateOnDisk;
    lines.push(`kmlint: findings of the checks across files on disk until their file closed: ${records}, ${(bytes / 1048576).toFixed(1)} MB`);
  }
  const rules = Object.entries(stats.rules).sort((a, b) => b[1] - a[1]);
  // A replayed run ran no rule.
  if (rules.length > 0) lines.push(`kmlint: time per rule (ms), ${Math.min(top, rules.length)} slowest of ${rules.length}`);
  for (const [rule, ms] of rules.slice(0, top)) lines.push(`  ${rule.padEnd(40)} ${ms.toFixed(1).padStart(9)}`);
  return `${lines.join('\n')}\n`;
}
