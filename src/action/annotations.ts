/** Findings as check-run annotations, in the batches the Checks API accepts. */
import type { Finding, Level } from '../types.js';

export type AnnotationLevel = 'notice' | 'warning' | 'failure';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

/** The Checks API rejects requests with more than 50 annotations. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** The API limit for `message` and `raw_details` is 64 KB; stay well below it, counted in UTF-8 bytes. */
const MAX_TEXT_BYTES = 60_000;
/** The API limit for `title`, in characters. */
export const MAX_TITLE = 255;

const ANNOTATION_LEVEL: Record<Level, AnnotationLevel> = { error: 'failure', warning: 'warning', note: 'notice' };

export function toCheckAnnotation(finding: Finding, ruleSummary?: string): CheckAnnotation {
  const { region } = finding;
  const singleLine = region.startLine === region.endLine;
  const details = [`Rule: ${finding.ruleId}`];
  if (finding.helpUri) details.push(`Help: ${finding.helpUri}`);
  if (finding.helmTemplate) details.push(`Helm template: ${finding.helmTemplate}`);
  return {
    path: finding.file,
    start_line: region.startLine,
    end_line: Math.max(region.endLine, region.startLine),
    // The API allows columns only on single-line annotations.
    ...(singleLine ? { start_column: region.startColumn, end_column: Math.max(region.endColumn, region.startColumn) } : {}),
    annotation_level: ANNOTATION_LEVEL[finding.level],
    title: truncateChars(ruleSummary ? `${finding.ruleId}: ${ruleSummary}` : finding.ruleId, MAX_TITLE),
    message: truncateBytes(finding.helpUri ? `${finding.message}\n${finding.helpUri}` : finding.message, MAX_TEXT_BYTES),
    raw_details: truncateBytes(details.join('\n'), MAX_TEXT_BYTES),
  };
}

export function inBatches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

function truncateChars(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Cut on a character boundary so that the text, an ellipsis included, fits in `max` UTF-8 bytes. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let bytes = 3; // the ellipsis
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    out += char;
  }
  return `${out}…`;
}
