/**
 * The rules' `checkIndex` hooks: once per run, on the sealed index, each rule with the objects it watched
 * during the walk. Findings come back for the driver to route to their (still open) files.
 */
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import type { Finding, Location, Tallies } from '../types.js';
import type { Rule, RunSettings, Watched } from './define-rule.js';
import { WatchedObject, type WatchTable } from './watch.js';
import { countTally, findingOfReport } from './rule-report.js';
import type { RuleSetting } from './rule-settings.js';

export interface IndexCheckOutcome {
  ruleId: string;
  findings: Finding[];
  /** One line for the run's notes when the hook threw (an internal error). */
  failure?: string;
  /** Time the hook took, for `--stats`. */
  ms: number;
}

/**
 * How many findings a hook reports between two checkpoints, and at most holds before they go on: one hook may
 * report for every pair of objects, or for every workload of a million documents.
 */
const CHECKPOINT_EVERY = 256;

/**
 * Runs each watching rule's hook in the order rules first watched, each outcome given before the next hook
 * runs (so its findings need not wait for the others'). The watches' records are `index`'s own: on a
 * thread's joined copy, see `WatchTable.on`.
 * `checkpoint` is called before each hook and as it reports, with where the run is; what it throws ends
 * the run (the CLI's heap guard), unlike a hook's own error. `early`, when given, takes a hook's findings in
 * batches as it reports them (the outcome holds the rest), so a hook's findings need not all wait in memory.
 */
export function* runIndexChecks(
  index: ObjectIndex, watched: WatchTable, settings: RunSettings, tallies: Tallies = new Map(),
  checkpoint: (where: () => string) => void = () => {},
  early?: (ruleId: string, findings: Finding[]) => void,
): Generator<IndexCheckOutcome> {
  for (const [rule, watches] of watched.byRule()) {
    // Only a rule that reads them gets its watches as objects: one that watches every named object need not.
    let list: WatchedObject[] | undefined;
    const settingOf = watches.settingOf.bind(watches);
    const where = (): string => `in the checks across files (rule ${rule.meta.id})`;
    checkpoint(where);
    const started = performance.now();
    /** Time spent handing findings on, which is not the hook's. */
    let handing = 0;
    let reported = 0;
    const findings: Finding[] = [];
    let failure: string | undefined;
    let stopped: { error: unknown } | undefined;
    try {
      rule.checkIndex!(index, {
        settings,
        get watched() {
          return (list ??= watches.objects());
        },
        optionsFor: (record) => settingOf(record)?.options,
        tally: (topic, item) => countTally(tallies, rule, topic, item),
        report: (report, about) => {
          findings.push(findingOfReport(rule, settingFor(rule, index, report.at, about, settingOf), report.at, report, undefined));
          if (++reported % CHECKPOINT_EVERY === 0) {
            if (early) {
              const handed = performance.now();
              early(rule.meta.id, findings.splice(0));
              handing += performance.now() - handed;
            }
            try {
              checkpoint(where);
            } catch (error) {
              // Kept to be thrown again past the hook, whatever the hook does with it.
              stopped = { error };
              throw error;
            }
          }
        },
      });
    } catch (error) {
      failure = `internal error: rule "${rule.meta.id}" failed on the run's index: ${error instanceof Error ? error.message : String(error)}`;
    }
    index.endRuleMemos();
    // The checkpoint's stop ends the run, not the hook, whether the hook let it through or caught it.
    if (stopped) throw stopped.error;
    const outcome: IndexCheckOutcome = { ruleId: rule.meta.id, findings, ms: performance.now() - started - handing };
    if (failure !== undefined) outcome.failure = failure;
    yield outcome;
  }
}

/**
 * The setting a finding of `checkIndex` is reported with. Only a watched object's file is sure to be open, and
 * to be this run's (shard's, thread's) to report: a finding lands on a watched record, or in the file of the
 * watch it is about.
 */
function settingFor(
  rule: Rule, index: ObjectIndex, at: Location, about: Watched<unknown, unknown> | undefined,
  settingOf: (record: IndexedObject) => RuleSetting | undefined,
): RuleSetting {
  if (about !== undefined) {
    if (!(about instanceof WatchedObject) || about.rule !== rule) throw new Error(`rule "${rule.meta.id}" reported about a watch it was not given`);
    if (at.file !== about.record.at.file) throw new Error(`rule "${rule.meta.id}" reported outside the file of the object it watched`);
    return about.setting;
  }
  const record = index.recordAt(at);
  const setting = record && settingOf(record);
  if (!setting) throw new Error(`rule "${rule.meta.id}" reported on an object it did not watch`);
  return setting;
}
