/**
 * A baseline records today's findings by fingerprint (no line numbers, so it survives edits that move
 * lines); later runs report only findings that are not in it, and count the entries that were fixed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { BaselineSummary, Finding } from '../types.js';

export { BASELINE_VERSION, type Baseline, type BaselineEntry } from './options.js';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './options.js';

/** A missing or malformed baseline is a usage problem: one line, exit 2. */
export class BaselineError extends UsageError {}

export function baselineOf(findings: readonly Finding[]): Baseline {
  const entries = findings.map((finding) => {
    const entry: BaselineEntry = { fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: finding.file, message: finding.message };
    const object = finding.object;
    if (object?.kind) entry.object = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
    return entry;
  });
  // Sorted, so the committed file diffs cleanly.
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.object ?? '', b.object ?? '') || compare(a.fingerprint, b.fingerprint));
  return { kmlintBaselineVersion: BASELINE_VERSION, findings: entries };
}

export async function writeBaseline(file: string, findings: readonly Finding[]): Promise<number> {
  const baseline = baselineOf(findings);
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline.findings.length;
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const baseline = value as Partial<Baseline> | null;
  if (!baseline || baseline.kmlintBaselineVersion !== BASELINE_VERSION || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${file} is not a kmlint baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  if (!baseline.findings.every((entry) => typeof entry?.fingerprint === 'string')) {
    throw new BaselineError(`${file}: every baseline entry needs a "fingerprint"`);
  }
  return baseline as Baseline;
}

/**
 * Marks the unsuppressed findings that the baseline holds. Fingerprints are counted, not just looked up:
 * two identical findings in the baseline cover two findings today, not three.
 */
export function applyBaseline(findings: Iterable<Finding>, baseline: Baseline, file: string): BaselineSummary {
  const match = baselineMatcher(baseline, file);
  let matched = 0;
  for (const finding of findings) if (match(finding)) matched++;
  return { file, entries: baseline.findings.length, matched, fixed: baseline.findings.length - matched };
}

/** Marks a finding the baseline still covers, in place, and says whether it did; each matcher counts afresh. */
export function baselineMatcher(baseline: Baseline, file: string): (finding: Finding) => boolean {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  return (finding) => {
    if (finding.suppression) return false;
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left === 0) return false;
    remaining.set(finding.fingerprint, left - 1);
    finding.suppression = { source: 'baseline', at: file };
    return true;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
