/** A rule's report → a finding: the checks every report passes, and the fields it sets, in one place. */
import { findingFrom, interpolate } from '../findings/build.js';
import type { Finding, Level, Location, Tallies } from '../types.js';
import type { Report, Rule } from './define-rule.js';
import type { RuleSetting } from './rule-settings.js';

/** Throws on a messageId the rule does not declare: a bug of the rule, made an internal error by the caller. */
export function checkedMessage(rule: Rule, messageId: string): string {
  const messages = rule.meta.messages as Record<string, string>;
  if (!Object.hasOwn(messages, messageId)) throw new Error(`rule "${rule.meta.id}" reported unknown messageId "${messageId}"`);
  return messages[messageId]!;
}

/**
 * Related locations a finding lists; it counts the rest. Relations grow with the input (a workload that many
 * Services expose, a service account that many copies of an overlay bind), and past a screenful they tell a
 * reader nothing more, while each finding held until the reports kept all of them (GitHub shows 100).
 */
export const MAX_RELATED = 20;

/** The finding of a report at a resolved location; `container` is the report's, else the one being visited. */
export function findingOfReport(rule: Rule, setting: RuleSetting, location: Location, report: Omit<Report<string>, 'at'>, container: string | undefined): Finding {
  const level: Level = setting.levelConfigured ? setting.level : (report.level ?? setting.level);
  const finding = findingFrom(location, rule.meta.id, level, interpolate(checkedMessage(rule, report.messageId), report.data));
  finding.messageId = report.messageId;
  const named = report.container ?? container;
  if (named !== undefined) finding.container = named;
  if (report.related && report.related.length > 0) {
    finding.related = report.related.slice(0, MAX_RELATED).map(({ at, message }) => {
      const related: NonNullable<Finding['related']>[number] = { file: at.file, region: at.region, message };
      if (at.object) related.object = at.object;
      return related;
    });
    if (report.related.length > MAX_RELATED) finding.relatedOmitted = report.related.length - MAX_RELATED;
  }
  return finding;
}

/** Counts one `item` under a topic the rule declared in `meta.tallies` (during the walk or in `checkIndex`). */
export function countTally(tallies: Tallies, rule: Rule, topic: string, item: string): void {
  const { meta } = rule;
  if (!meta.tallies || !Object.hasOwn(meta.tallies, topic)) throw new Error(`rule "${meta.id}" counted unknown tally "${topic}"`);
  const key = `${meta.id}\u0000${topic}`;
  const entry = tallies.get(key) ?? { count: 0, items: new Set<string>() };
  entry.count++;
  entry.items.add(item);
  tallies.set(key, entry);
}
