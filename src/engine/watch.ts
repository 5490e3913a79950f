/**
 * One `context.watch()` of a rule: the rule's setting for the object, its index record and the rule's data.
 * The same object is what the rule's `checkIndex` gets in `context.watched` (its options read from the
 * setting), so a run holds one object per watch, however many there are.
 */
import type { IndexedObject } from '../k8s/object-index.js';
import type { Rule, Watched } from './define-rule.js';
import type { RuleSetting } from './rule-settings.js';

export class WatchedObject implements Watched<unknown, unknown> {
  constructor(
    readonly rule: Rule,
    readonly setting: RuleSetting,
    /** The object's record in the file's index (in a worker thread, the run's index holds an equal one). */
    readonly record: IndexedObject,
    /** What the rule kept with the watch (`watch(data)`), detached from the file's text. */
    readonly data: unknown,
  ) {}

  get options(): unknown {
    return this.setting.options;
  }
}
