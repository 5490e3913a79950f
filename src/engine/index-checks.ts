/**
 * The rules' `checkIndex` hooks: once per run, on the sealed index, each rule with the objects it watched
 * during the walk. Findings come back for the driver to route to their (still open) files.
 */
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import type { Finding } from '../types.js';
import type { Rule, RunSettings } from './define-rule.js';
import type { WatchedObject } from './lint-file.js';
import { findingOfReport } from './rule-report.js';
import type { RuleSetting } from './rule-settings.js';

export interface IndexCheckOutcome {
  ruleId: string;
  findings: Finding[];
  /** One line for the run's notes when the hook threw (an internal error). */
  failure?: string;
  /** Time the hook took, for `--stats`. */
  ms: number;
}

/** Runs each watching rule's hook in the order rules first watched; `index` may be a thread's joined copy. */
export function runIndexChecks(index: ObjectIndex, watched: readonly WatchedObject[], settings: RunSettings): IndexCheckOutcome[] {
  const byRule = new Map<Rule, Map<IndexedObject, RuleSetting>>();
  for (const { rule, setting, record } of watched) {
    // The index checked may be a worker's joined copy: the record equal to the one watched is found by place.
    const own = index.recordAt(record.at);
    if (!own) continue;
    let settingsOf = byRule.get(rule);
    if (!settingsOf) byRule.set(rule, (settingsOf = new Map()));
    settingsOf.set(own, setting);
  }
  const outcomes: IndexCheckOutcome[] = [];
  for (const [rule, settingsOf] of byRule) {
    const started = performance.now();
    const findings: Finding[] = [];
    let failure: string | undefined;
    try {
      rule.checkIndex!(index, {
        settings,
        optionsFor: (record) => settingsOf.get(record)?.options,
        report: (report) => {
          // Only a watched object's file is sure to be open, and to be this run's (shard's, thread's) to report.
          const record = index.recordAt(report.at);
          const setting = record && settingsOf.get(record);
          if (!setting) throw new Error(`rule "${rule.meta.id}" reported on an object it did not watch`);
          findings.push(findingOfReport(rule, setting, report.at, report, undefined));
        },
      });
    } catch (error) {
      failure = `internal error: rule "${rule.meta.id}" failed on the run's index: ${error instanceof Error ? error.message : String(error)}`;
    }
    const outcome: IndexCheckOutcome = { ruleId: rule.meta.id, findings, ms: performance.now() - started };
    if (failure !== undefined) outcome.failure = failure;
    outcomes.push(outcome);
  }
  return outcomes;
}
