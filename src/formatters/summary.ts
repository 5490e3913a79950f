import type { Finding, Level } from '../types.js';

export interface Counts {
  error: number;
  warning: number;
  note: number;
  suppressed: number;
}

/** Counts active findings per level; suppressed ones are counted apart and never fail a run. */
export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppression) counts.suppressed++;
    else counts[finding.level satisfies Level]++;
  }
  return counts;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Findings that count (not suppressed), grouped by file in the order files were linted. */
export function activeByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.suppression) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  return byFile;
}

/** `namespace/Kind/name`, the way kubectl users name an object; undefined for file-level findings. */
export function objectName(finding: Finding): string | undefined {
  const object = finding.object;
  if (!object?.kind) return undefined;
  return `${object.namespace ? `${object.namespace}/` : ''}${object.kind}/${object.name ?? '(unnamed)'}`;
}

/** The message with the Helm template it came from, for formats that have one text field. */
export function messageWithTemplate(finding: Finding): string {
  return finding.helmTemplate ? `${finding.message} (Helm template ${finding.helmTemplate})` : finding.message;
}
