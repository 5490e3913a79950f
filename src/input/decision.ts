/**
 * What kmlint did with each file, decided by content: a walk meets editor settings, dashboards,
 * package.json and values files beside the manifests, and those are not errors.
 */
import type { LintedFile } from '../engine/lint-file.js';
import { findingAtOffsets } from '../findings/build.js';
import { parseYamlFile } from '../yaml/parse.js';
import type { FileDecision, FileReport, Finding } from '../types.js';
import type { InvalidText } from './read.js';

/** A top-level `apiVersion:`/`kind:` key (block or JSON): the file means to be a manifest even when broken. */
const MANIFEST_INTENT = /^(?:apiVersion|kind)[ \t]*:|^[ \t]*\{?[ \t]*"(?:apiVersion|kind)"[ \t]*:/m;
const KUSTOMIZE_KINDS = new Set(['Kustomization', 'Component']);

/**
 * Decides on a linted file and keeps only the findings that decision allows: a file with no
 * Kubernetes object and no sign of wanting to be one is skipped quietly, unless the user named it.
 */
export function decideFile(linted: LintedFile, explicit: boolean): { decision: FileDecision; reason: string; objects: number } {
  const objects = linted.documents.flatMap((document) => document.objects);
  if (objects.length > 0 && objects.every((object) => KUSTOMIZE_KINDS.has(object.kind))) {
    return { decision: 'kustomization', reason: 'kustomize configuration, not an object for the cluster', objects: 0 };
  }
  if (objects.length > 0) return { decision: 'manifest', reason: objectCount(objects.length), objects: objects.length };
  const broken = linted.findings.some((finding) => finding.ruleId === 'yaml-syntax-error' || finding.ruleId === 'document-too-complex');
  if (broken && MANIFEST_INTENT.test(linted.parsed.text)) return { decision: 'manifest', reason: 'has apiVersion or kind, but does not parse', objects: 0 };
  if (explicit) return { decision: 'manifest', reason: 'named on the command line', objects: 0 };
  linted.findings.length = 0;
  return { decision: 'not-kubernetes', reason: broken ? 'not YAML kubectl could read, and no apiVersion or kind' : 'no document with apiVersion and kind', objects: 0 };
}

/** "3 objects", one string per count: a run keeps every file's reason to its end. */
const counts: string[] = [];

function objectCount(count: number): string {
  return (counts[count] ??= `${count} object${count === 1 ? '' : 's'}`);
}

/** The one finding for a file whose bytes are not text kubectl would read. */
export function invalidTextFinding(file: string, invalid: InvalidText): Finding {
  const finding = findingAtOffsets({ file, parsed: parseYamlFile('') }, 'yaml-syntax-error', 'error', invalid.message, 0, 0);
  finding.region = { startLine: invalid.line, startColumn: invalid.column, endLine: invalid.line, endColumn: invalid.column + 1 };
  return finding;
}

const SUMMARY: [FileDecision, string, string][] = [
  ['not-kubernetes', 'is not a Kubernetes manifest', 'are not Kubernetes manifests'],
  ['kustomize-patch', 'is a kustomize patch', 'are kustomize patches'],
  ['test-assertion', 'is a test assertion (chainsaw or kuttl)', 'are test assertions (chainsaw or kuttl)'],
];

/** One stderr line for what was left out quietly, e.g. "12 files are not Kubernetes manifests". */
export function decisionSummary(files: readonly FileReport[]): string[] {
  const parts = SUMMARY.flatMap(([decision, one, many]) => {
    const count = files.filter((file) => file.decision === decision).length;
    return count === 0 ? [] : [`${count} file${count === 1 ? ` ${one}` : `s ${many}`}`];
  });
  return parts.length === 0 ? [] : [`${parts.join('; ')}: not linted (--verbose lists them)`];
}

/** `--verbose`: the decision on every file, one line each. */
export function decisionLines(files: readonly FileReport[]): string[] {
  return files.map((file) => `${file.file}: ${file.decision ?? 'manifest'}${file.reason ? ` (${file.reason})` : ''}`);
}
