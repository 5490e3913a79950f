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
/** The API limit for `message` and `raw_details` is 64 KB; stay well below it. */
const MAX_TEXT = 60_000;

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
    title: ruleSummary ? `${finding.ruleId}: ${ruleSummary}` : finding.ruleId,
    message: truncate(finding.helpUri ? `${finding.message}\n${finding.helpUri}` : finding.message),
    raw_details: truncate(details.join('\n')),
  };
}

export function inBatches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

function truncate(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}
