/** Paths and offsets → Locations; a Location, a rule id and a message → a Finding with its fingerprint. */
// One-shot hashing: about half the cost of a Hash object per call, and a run hashes every finding.
import { hash } from 'node:crypto';
import type { K8sObject } from '../k8s/model.js';
import { groupOf } from '../k8s/workloads.js';
import { locateIn } from '../yaml/locate.js';
import { regionOf, type ParsedDocument, type ParsedFile } from '../yaml/parse.js';
import type { Finding, Level, ObjectRef, Path } from '../types.js';
import { helpUri } from './help-uri.js';
import type { Location } from './location.js';

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

export function objectRef(object: Pick<K8sObject, 'apiVersion' | 'kind' | 'namespace' | 'name'> | undefined): ObjectRef | undefined {
  if (!object) return undefined;
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind };
  if (object.namespace !== undefined) ref.namespace = object.namespace;
  if (object.name !== undefined) ref.name = object.name;
  return ref;
}

/** The location of a path of a document: the engine, not the rule, works out the region. */
export function locationAt(site: FindingSite & { document: ParsedDocument }, path: Path, missing = false, innerLine?: number): Location {
  const span = locateIn(site.document, path);
  const inner = innerLine !== undefined && span.exact ? blockScalarLine(site.parsed.text, span.start, span.end, innerLine) : undefined;
  const location: { -readonly [K in keyof Location]: Location[K] } = {
    file: site.file,
    region: inner
      ? regionOf(site.parsed, inner.start, inner.end)
      : regionOf(site.parsed, span.start, Math.max(trimEnd(site.parsed.text, span.start, span.end), span.start + 1)),
    path: [...path],
    documentIndex: site.document.index,
  };
  if (span.approximate) location.approximate = true;
  if (missing) location.missing = true;
  else if (!span.exact) location.unresolved = true;
  const object = sharedRef(site.object);
  if (object) location.object = object;
  if (site.helmTemplate) location.helmTemplate = site.helmTemplate;
  return location;
}

/**
 * One reference per object for all its locations: cross-object checks hold thousands of locations until the
 * index is complete, most of them on a few objects. Nothing changes a reference once made.
 */
const refs = new WeakMap<K8sObject, ObjectRef>();

function sharedRef(object: K8sObject | undefined): ObjectRef | undefined {
  if (!object) return undefined;
  let ref = refs.get(object);
  if (!ref) refs.set(object, (ref = objectRef(object)!));
  return ref;
}

/** A finding at a location; its fingerprint names the rule, file, object and path, never the line. */
export function findingFrom(location: Location, ruleId: string, level: Level, message: string): Finding {
  const object = location.object;
  const finding: Finding = {
    ruleId,
    level,
    message,
    file: location.file,
    region: location.region,
    path: location.path,
    fingerprint: fingerprint([
      ruleId,
      location.file,
      object ? `${groupOf(object.apiVersion ?? '')}/${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}` : '',
      location.path.join('/'),
      location.helmTemplate ?? '',
    ]),
    helpUri: helpUri(ruleId),
  };
  if (location.approximate) finding.approximate = true;
  if (location.missing) finding.missing = true;
  if (location.unresolved) finding.unresolved = true;
  if (location.documentIndex !== undefined) finding.documentIndex = location.documentIndex;
  if (object) finding.object = object;
  if (location.helmTemplate) finding.helmTemplate = location.helmTemplate;
  return finding;
}

/** The finding at a path of a document (suppression notes, engine findings). */
export function findingAt(site: FindingSite & { document: ParsedDocument }, ruleId: string, level: Level, message: string, path: Path): Finding {
  const finding = findingFrom(locationAt(site, path, true), ruleId, level, message);
  delete finding.missing;
  return finding;
}

/**
 * The text of line `line` of a literal block scalar (`key: |`) whose pair spans start..end: its lines
 * are the source lines below the header, one for one. Undefined for any other kind of value.
 */
function blockScalarLine(text: string, start: number, end: number, line: number): { start: number; end: number } | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end || !/(?:^|:\s*)\|[-+0-9]*\s*(?:#.*)?$/.test(text.slice(start, headerEnd).replace(/\r$/, ''))) return undefined;
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
  const location: Location = { file: site.file, region: regionOf(site.parsed, start, Math.max(end, start + 1)), path: [] };
  const finding = findingFrom(location, ruleId, level, message);
  if (site.document) finding.documentIndex = site.document.index;
  const object = objectRef(site.object);
  if (object) finding.object = object;
  if (site.helmTemplate) finding.helmTemplate = site.helmTemplate;
  // Identity of a syntax problem: its message and where it is in the document, not the line.
  finding.fingerprint = fingerprint([ruleId, site.file, String(site.document?.index ?? ''), message, String(start - documentStart(site))]);
  return finding;
}

function documentStart(site: FindingSite): number {
  return site.document?.range[0] ?? 0;
}

export function fingerprint(parts: readonly string[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}
