/**
 * The suppression stage of a run. Per file (while its comments and objects are at hand): comment
 * directives, annotations and config exemptions. At the end: unused exemptions and the baseline.
 * Suppressed findings are kept with their suppression, never dropped.
 */
import { didYouMean } from '../suggest.js';
import type { Rule } from '../engine/define-rule.js';
import type { LintedFile } from '../engine/lint-file.js';
import type { K8sObject } from '../k8s/model.js';
import type { RuleSetting } from '../engine/rule-settings.js';
import type { Finding, Level, LintResult, Suppression } from '../types.js';
import { annotationEntries } from './annotations.js';
import { applyBaseline } from './baseline.js';
import { commentDirectives } from './comment-directives.js';
import { isDate, isExpired, today as todayOf, type FindingPlace, type SuppressionEntry } from './entry.js';
import { exemptionEntries } from './exemptions.js';

export type { SuppressOptions } from './options.js';
import type { ExemptionUsage, SuppressOptions } from './options.js';
export type { ExemptionUsage } from './options.js';

export interface SuppressorContext {
  rules: readonly Rule[];
  settings: ReadonlyMap<string, RuleSetting>;
  cwd: string;
}

/** A file's suppressions, open until every finding of the file (cross-object ones too) has been marked. */
export interface FileSuppression {
  /** Marks findings of this file that arrived later (cross-object checks). */
  mark(findings: readonly Finding[]): void;
  /** Findings about the file's inline suppressions (unused, missing reason…); the handle is done after. */
  close(): Finding[];
  /** What this file's findings did to the config exemptions, so a cached file can replay it. */
  exemptionUsage(): ExemptionUsage;
}


/** A file with no suppression in reach; shared, so it holds nothing of any file. */
export const NO_SUPPRESSIONS: FileSuppression = { mark: () => undefined, close: () => [], exemptionUsage: () => [] };

export interface Suppressor {
  /** Marks the file's findings; `close()` on the handle reports its inline suppressions. */
  file(linted: LintedFile): FileSuppression;
  /** Reports unused config exemptions and applies the baseline. */
  finish(run: LintResult): void;
  /** Counts what a file served from the cache did to the config exemptions. */
  replayExemptions(usage: ExemptionUsage): void;
  /** What the whole run did to the config exemptions so far. */
  exemptionUsage(): ExemptionUsage;
}

/** What happened to one entry during the run. */
interface Usage {
  used: boolean;
  /** Expired, and a finding came back because of it. */
  expiredHit: boolean;
  /** Named a strict rule that it was not allowed to suppress. */
  strictHit: boolean;
}

export function createSuppressor(options: SuppressOptions = {}, context: SuppressorContext): Suppressor {
  const today = options.today ?? todayOf();
  const strict = new Set(options.strict ?? []);
  const known = new Set(context.rules.map((rule) => rule.meta.id));
  const exemptions = exemptionEntries(options.exemptions ?? [], { cwd: context.cwd, baseDir: options.configDir ?? context.cwd });
  const exemptionUsage = new Map(exemptions.map((entry) => [entry, newUsage()]));

  const levelOf = (ruleId: string, forced = false): Level | undefined => {
    const level = context.settings.get(ruleId)?.level;
    if (level || !forced) return level;
    return context.rules.find((rule) => rule.meta.id === ruleId)?.meta.level;
  };
  const report = (out: Finding[], entry: SuppressionEntry, ruleId: string, message: string, forced = false): void => {
    const level = levelOf(ruleId, forced);
    if (level) out.push(entry.reportAt(ruleId, level, message));
  };

  /** Marks one finding; returns the expired entries that would have hidden it. */
  const mark = (finding: Finding, place: FindingPlace, entries: readonly SuppressionEntry[], usage: Map<SuppressionEntry, Usage>): void => {
    const expired: SuppressionEntry[] = [];
    for (const entry of entries) {
      if (entry.rule !== undefined && entry.rule !== finding.ruleId) continue;
      if (!entry.covers(finding, place)) continue;
      const state = usage.get(entry)!;
      if (entry.source !== 'config' && strict.has(finding.ruleId)) {
        if (entry.rule !== undefined) state.strictHit = true;
        continue;
      }
      if (isExpired(entry.expires, today)) {
        expired.push(entry);
        continue;
      }
      state.used = true;
      finding.suppression ??= suppressionOf(entry);
    }
    if (!finding.suppression && expired.length > 0) {
      for (const entry of expired) usage.get(entry)!.expiredHit = true;
      const first = expired[0]!;
      const why = isDate(first.expires!) ? `expired on ${first.expires}` : `has an expiry that is not a date, "${first.expires}"`;
      finding.message += ` (suppression ${why}, ${first.at})`;
    }
  };

  return {
    file(linted) {
      const inline: SuppressionEntry[] = [];
      const strays: { entry: SuppressionEntry; container: string }[] = [];
      if (!options.noInlineSuppressions) {
        inline.push(...commentDirectives(linted));
        const annotations = annotationEntries(linted);
        inline.push(...annotations.entries);
        strays.push(...annotations.strays);
      }
      if (inline.length === 0 && exemptions.length === 0) return NO_SUPPRESSIONS;
      // What placing a finding needs, not the file: a file waiting for cross-object checks holds this until then.
      const documents = linted.documents.map(({ document, objects }) => ({ index: document.index, objects }));
      const usage = new Map<SuppressionEntry, Usage>(inline.map((entry) => [entry, newUsage()]));
      // The file's own use of each exemption is kept apart (the cache replays it), then added to the run's.
      const local = exemptions.map(() => newUsage());
      exemptions.forEach((entry, index) => usage.set(entry, local[index]!));
      // Most specific first: the comment on the line, then the object's annotation, then the config file.
      const entries = [...inline, ...exemptions];
      const markAll = (findings: readonly Finding[]): void => {
        for (const finding of findings) mark(finding, placeOf(documents, finding), entries, usage);
        replay(local.map(packUsage));
      };
      markAll(linted.findings);

      return {
        mark: markAll,
        close() {
          const out: Finding[] = [];
          const strayEntries = new Set(strays.map((stray) => stray.entry));
          for (const { entry, container } of strays) {
            report(out, entry, 'unused-suppression', `${entry.label} names no container "${container}" in this pod, so it suppresses nothing.`);
          }
          const missingReason = new Set<string>();
          for (const entry of inline) {
            const state = usage.get(entry)!;
            if (options.requireReason && !entry.reason && !missingReason.has(entry.at)) {
              missingReason.add(entry.at);
              report(out, entry, 'suppression-missing-reason', `${entry.label} gives no reason; add one after " -- ".`, true);
            }
            if (strayEntries.has(entry)) continue;
            describeOutcome(out, entry, state);
          }
          return out;
        },
        exemptionUsage: () => local.map(packUsage),
      };
    },

    replayExemptions: (usage) => replay(usage),
    exemptionUsage: () => [...exemptionUsage.values()].map(packUsage),

    finish(run) {
      const out: Finding[] = [];
      for (const [entry, state] of exemptionUsage) describeOutcome(out, entry, state);
      run.findings.push(...out);
      if (options.baseline) run.baseline = applyBaseline(run.findings, options.baseline.baseline, options.baseline.file);
    },
  };

  function replay(usage: ExemptionUsage): void {
    exemptions.forEach((entry, index) => {
      const bits = usage[index] ?? 0;
      const state = exemptionUsage.get(entry)!;
      state.used ||= (bits & 1) !== 0;
      state.expiredHit ||= (bits & 2) !== 0;
      state.strictHit ||= (bits & 4) !== 0;
    });
  }

  function describeOutcome(out: Finding[], entry: SuppressionEntry, state: Usage): void {
    const subject = entry.rule === undefined ? 'every rule' : `"${entry.rule}"`;
    if (entry.rule !== undefined && !known.has(entry.rule)) {
      report(out, entry, 'unused-suppression', `${entry.label} names unknown rule "${entry.rule}"${didYouMean(entry.rule, known)}.`);
    } else if (state.strictHit) {
      report(out, entry, 'unused-suppression', `${entry.label} cannot suppress ${subject}: the rule is on the strict list.`);
    } else if (entry.expires !== undefined && !isDate(entry.expires)) {
      report(out, entry, 'suppression-expired', `${entry.label} has the expiry "${entry.expires}", which is not a date (YYYY-MM-DD), so it suppresses nothing.`);
    } else if (state.expiredHit) {
      const why = entry.reason ? ` (${entry.reason})` : '';
      report(out, entry, 'suppression-expired', `${entry.label} for ${subject}${why} expired on ${entry.expires}; its findings are reported again.`);
    } else if (!state.used) {
      const expired = isExpired(entry.expires, today) ? ` and expired on ${entry.expires}` : '';
      report(out, entry, 'unused-suppression', `${entry.label} for ${subject} suppressed nothing${expired}; remove it.`);
    }
  }
}

function packUsage(state: Usage): number {
  return (state.used ? 1 : 0) | (state.expiredHit ? 2 : 0) | (state.strictHit ? 4 : 0);
}

function newUsage(): Usage {
  return { used: false, expiredHit: false, strictHit: false };
}

function suppressionOf(entry: SuppressionEntry): Suppression {
  const suppression: Suppression = { source: entry.source, at: entry.at };
  if (entry.reason) suppression.reason = entry.reason;
  if (entry.expires) suppression.expires = entry.expires;
  return suppression;
}

/** The object (and container) a finding is about: the longest object path, then container path, that prefixes it. */
function placeOf(documents: readonly { index: number; objects: readonly K8sObject[] }[], finding: Finding): FindingPlace {
  const place: FindingPlace = {};
  const document = documents.find((candidate) => candidate.index === finding.documentIndex);
  if (!document) return place;
  for (const object of document.objects) {
    if (isPrefix(object.path, finding.path) && (!place.object || object.path.length > place.object.path.length)) place.object = object;
  }
  const containers = place.object?.pods.flatMap((pod) => pod.containers) ?? [];
  // The engine names the container a rule visited; an inherited pod-level setting has no container in its path.
  place.container =
    (finding.container !== undefined ? containers.find((container) => container.name === finding.container) : undefined) ??
    containers.find((container) => isPrefix(container.path, finding.path));
  return place;
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
