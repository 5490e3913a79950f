/** A rule's report (messageId, data, path) → a Finding with file, region, object and fingerprint. */
import { createHash } from 'node:crypto';
import type { K8sObject } from '../k8s/model.js';
import { groupOf } from '../k8s/workloads.js';
import { locate } from '../yaml/locate.js';
import { regionOf, type ParsedDocument, type ParsedFile } from '../yaml/parse.js';
import type { Finding, Level, ObjectRef, Path } from '../types.js';
import { helpUri } from './help-uri.js';

export interface FindingSite {
  file: string;
  parsed: ParsedFile;
  /** Absent for problems of the stream as a whole. */
  document?: ParsedDocument;
  helmTemplate?: string;
  object?: K8sObject;
}

export function interpolate(template: string, data: Record<string, string | number | boolean> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function objectRef(object: K8sObject | undefined): ObjectRef | undefined {
  if (!object) return undefined;
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind };
  if (object.namespace !== undefined) ref.namespace = object.namespace;
  if (object.name !== undefined) ref.name = object.name;
  return ref;
}

/** The finding at a path of a document: the engine, not the rule, works out the region. */
export function findingAt(site: FindingSite & { document: ParsedDocument }, ruleId: string, level: Level, message: string, path: Path, innerLine?: number): Finding {
  const span = locate(site.document.doc, path);
  const finding = baseFinding(site, ruleId, level, message, path);
  const inner = innerLine !== undefined && span.exact ? blockScalarLine(site.parsed.text, span.start, span.end, innerLine) : undefined;
  if (inner) {
    finding.region = regionOf(site.parsed, inner.start, inner.end);
    return finding;
  }
  finding.region = regionOf(site.parsed, span.start, Math.max(trimEnd(site.parsed.text, span.start, span.end), span.start + 1));
  if (span.approximate) finding.approximate = true;
  return finding;
}

/**
 * The text of line `line` of a literal block scalar (`key: |`) whose pair spans start..end: its lines
 * are the source lines below the header, one for one. Undefined for any other kind of value.
 */
function blockScalarLine(text: string, start: number, end: number, line: number): { start: number; end: number } | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end || !/:\s*\|[-+0-9]*\s*(?:#.*)?$/.test(text.slice(start, headerEnd).replace(/\r$/, ''))) return undefined;
  let lineStart = headerEnd + 1;
  for (let count = 1; count < line; count++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1 || next >= end) return undefined;
    lineStart = next + 1;
  }
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1 || lineEnd > end) lineEnd = end;
  while (lineEnd > lineStart && /\s/.test(text[lineEnd - 1]!)) lineEnd--;
  let first = lineStart;
  while (first < lineEnd && (text[first] === ' ' || text[first] === '\t')) first++;
  return first < lineEnd ? { start: first, end: lineEnd } : undefined;
}

/** A block value's range runs past its last line break; a region should end on its last character. */
function trimEnd(text: string, start: number, end: number): number {
  let last = end;
  while (last > start + 1 && /\s/.test(text[last - 1] ?? '')) last--;
  return last;
}

/** A finding at character offsets (syntax errors, duplicate keys). */
export function findingAtOffsets(site: FindingSite, ruleId: string, level: Level, message: string, start: number, end: number): Finding {
  const finding = baseFinding(site, ruleId, level, message, []);
  finding.region = regionOf(site.parsed, start, Math.max(end, start + 1));
  // Identity of a syntax problem: its message and where it is in the document, not the line.
  finding.fingerprint = fingerprint([ruleId, site.file, String(site.document?.index ?? ''), message, String(start - documentStart(site))]);
  return finding;
}

function documentStart(site: FindingSite): number {
  const range = site.document?.doc.range as readonly number[] | undefined;
  return range?.[0] ?? 0;
}

function baseFinding(site: FindingSite, ruleId: string, level: Level, message: string, path: Path): Finding {
  const object = objectRef(site.object);
  const finding: Finding = {
    ruleId,
    level,
    message,
    file: site.file,
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    path,
    fingerprint: fingerprint([
      ruleId,
      site.file,
      object ? `${groupOf(object.apiVersion ?? '')}/${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}` : '',
      path.join('/'),
      site.helmTemplate ?? '',
    ]),
    helpUri: helpUri(ruleId),
  };
  if (site.document) finding.documentIndex = site.document.index;
  if (object) finding.object = object;
  if (site.helmTemplate) finding.helmTemplate = site.helmTemplate;
  return finding;
}

export function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
