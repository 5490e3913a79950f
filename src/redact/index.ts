/**
 * The redaction stage: after a file is linted (and its suppressions applied), everything about it
 * that can leave kmlint goes through one masker: messages, paths, suppression reasons, notes and
 * the source text the code frames print. Fingerprints of findings whose inputs held a secret are
 * recomputed from the redacted inputs.
 */
import { fingerprint } from '../findings/build.js';
import type { Finding } from '../types.js';
import { createMasker, maskSpans, secretStrings, type Masker } from './masker.js';
import { credentialSpans, type Span } from './spans.js';

export { credentialSpans, type Span } from './spans.js';
export { createMasker, maskSpans, secretStrings, spansFit } from './masker.js';

export interface RedactableFile {
  findings: Finding[];
  notes: string[];
}

/** Redacts the file's findings and notes in place; returns its text with credentials masked. */
export function redactFile(file: RedactableFile, text: string): string {
  return redactFileSpans(file, text).text;
}

/** `redactFile`, with the credential spans it found (none looked for when nothing of the file leaves kmlint). */
export function redactFileSpans(file: RedactableFile, text: string): { text: string; spans?: readonly Span[] } {
  const spans = redactFindings(file, text);
  return spans === undefined ? { text } : { text: maskSpans(text, spans), spans };
}

/**
 * Redacts the file's findings and notes in place, and returns the credential spans of its text (undefined
 * when nothing of the file leaves kmlint, so none were looked for). `known`: the spans of this very text,
 * found before (a file's late findings), so it is not searched again.
 */
export function redactFindings(file: RedactableFile, text: string, known?: readonly Span[]): readonly Span[] | undefined {
  // Nothing of a file without findings or notes leaves kmlint.
  if (file.findings.length === 0 && file.notes.length === 0) return undefined;
  const spans = known ?? credentialSpans(text);
  if (spans.length === 0) return spans;
  const mask = createMasker(secretStrings(text, spans));
  for (const finding of file.findings) redactFinding(finding, mask);
  file.notes = file.notes.map(mask);
  return spans;
}

function redactFinding(finding: Finding, mask: Masker): void {
  const message = mask(finding.message);
  let changed = message !== finding.message;
  finding.message = message;
  const path = finding.path.map((segment) => (typeof segment === 'string' ? mask(segment) : segment));
  if (path.some((segment, index) => segment !== finding.path[index])) {
    finding.path = path;
    changed = true;
  }
  if (finding.suppression?.reason !== undefined) finding.suppression.reason = mask(finding.suppression.reason);
  if (finding.container !== undefined) finding.container = mask(finding.container);
  // The old fingerprint hashed the secret: derive one from what is left.
  if (changed) finding.fingerprint = fingerprint(['redacted', finding.ruleId, finding.file, String(finding.documentIndex ?? ''), JSON.stringify(finding.object ?? {}), path.join('/'), message]);
}
