/**
 * `kmlint.io/ignore` annotations → suppression entries. Read on the object's metadata and on its pod
 * template's metadata (charts often expose only the latter), and per container with
 * `kmlint.io/ignore-container.<name>` (injected sidecars).
 */
import { findingAt, type FindingSite } from '../findings/build.js';
import type { LintedFile } from '../engine/lint-file.js';
import type { ContainerView, K8sObject } from '../k8s/model.js';
import type { Path } from '../types.js';
import type { ParsedDocument } from '../yaml/parse.js';
import { parseRuleList } from './directive-syntax.js';
import type { SuppressionEntry } from './entry.js';

type LocatedSite = FindingSite & { document: ParsedDocument };

export const IGNORE = 'kmlint.io/ignore';
export const IGNORE_REASON = 'kmlint.io/ignore-reason';
export const IGNORE_UNTIL = 'kmlint.io/ignore-until';
export const IGNORE_CONTAINER = 'kmlint.io/ignore-container.';

export interface AnnotationEntries {
  entries: SuppressionEntry[];
  /** Container annotations naming a container the pod does not have: reported, never silently dropped. */
  strays: { entry: SuppressionEntry; container: string }[];
}

export function annotationEntries(linted: LintedFile): AnnotationEntries {
  const result: AnnotationEntries = { entries: [], strays: [] };
  for (const { document, helmTemplate, objects } of linted.documents) {
    for (const object of objects) {
      const site: LocatedSite = { file: linted.file, parsed: linted.parsed, document, helmTemplate, object };
      const places: { annotations: unknown; path: Path }[] = [{ annotations: object.metadata?.annotations, path: [...object.path, 'metadata'] }];
      for (const pod of object.pods) {
        if (pod.metadataPath.join('/') !== places[0]!.path.join('/')) places.push({ annotations: pod.metadata?.annotations, path: pod.metadataPath });
      }
      for (const { annotations, path } of places) {
        if (typeof annotations !== 'object' || annotations === null) continue;
        readAnnotations(annotations as Record<string, unknown>, [...path, 'annotations'], object, site, result);
      }
    }
  }
  return result;
}

function readAnnotations(annotations: Record<string, unknown>, path: Path, object: K8sObject, site: LocatedSite, result: AnnotationEntries): void {
  const reason = stringAt(annotations, IGNORE_REASON);
  const until = stringAt(annotations, IGNORE_UNTIL);
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') continue;
    let container: ContainerView | undefined;
    let containerName: string | undefined;
    if (key.startsWith(IGNORE_CONTAINER)) {
      containerName = key.slice(IGNORE_CONTAINER.length);
      container = object.pods.flatMap((pod) => pod.containers).find((candidate) => candidate.name === containerName);
    } else if (key !== IGNORE) {
      continue;
    }
    const list = parseRuleList(value);
    const keyPath = [...path, key];
    const entries = (list.rules.length > 0 ? list.rules : [undefined]).map((rule) => {
      const entry: SuppressionEntry = {
        source: 'annotation',
        at: atOf(site, keyPath),
        label: `annotation ${key}`,
        covers: (_finding, place) => place.object === object && (containerName === undefined || (container !== undefined && place.container === container)),
        reportAt: (ruleId, level, message) => findingAt(site, ruleId, level, message, keyPath),
      };
      if (rule !== undefined) entry.rule = rule;
      const why = list.reason ?? reason;
      if (why) entry.reason = why;
      const expires = list.expires ?? until;
      if (expires) entry.expires = expires;
      return entry;
    });
    result.entries.push(...entries);
    if (containerName !== undefined && !container) result.strays.push({ entry: entries[0]!, container: containerName });
  }
}

function stringAt(annotations: Record<string, unknown>, key: string): string | undefined {
  const value = annotations[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function atOf(site: LocatedSite, path: Path): string {
  const finding = findingAt(site, 'unused-suppression', 'note', '', path);
  return `${site.file}:${finding.region.startLine}:${finding.region.startColumn}`;
}
