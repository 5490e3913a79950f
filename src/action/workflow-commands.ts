/** Fallback annotations as workflow commands (`::error file=…`), for tokens that cannot write checks. */
import type { AnnotationProperties } from '@actions/core';
import { visible } from '../redact/visible.js';
import type { Finding, Level } from '../types.js';

/** GitHub keeps 10 annotations per level per step and drops the rest silently. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationSink = Record<'error' | 'warning' | 'notice', (message: string, properties: AnnotationProperties) => void>;

const COMMAND: Record<Level, keyof AnnotationSink> = { error: 'error', warning: 'warning', note: 'notice' };

/** Emits at most 10 annotations per level (findings arrive sorted, errors first); returns how many were left out. */
export function emitWorkflowAnnotations(findings: readonly Finding[], sink: AnnotationSink): number {
  const emitted: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  let omitted = 0;
  for (const finding of findings) {
    if (emitted[finding.level] >= WORKFLOW_ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    emitted[finding.level]++;
    sink[COMMAND[finding.level]](workflowMessage(finding), workflowProperties(finding));
  }
  return omitted;
}

function workflowMessage(finding: Finding): string {
  return visible(finding.helpUri ? `${finding.message}\n${finding.helpUri}` : finding.message);
}

function workflowProperties(finding: Finding): AnnotationProperties {
  const { region } = finding;
  const singleLine = region.startLine === region.endLine;
  return {
    file: finding.file,
    startLine: region.startLine,
    endLine: Math.max(region.endLine, region.startLine),
    // Columns are allowed only when the annotation is on one line.
    ...(singleLine ? { startColumn: region.startColumn, endColumn: region.endColumn } : {}),
    title: finding.ruleId,
  };
}
