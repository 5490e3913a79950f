/** Versioned JSON: stable field names, documented in docs/output-formats.md. */
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { jsonChunks, streamed } from './json-stream.js';
import { countFindings } from './summary.js';

export const JSON_OUTPUT_VERSION = 1;

export function* jsonReportChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  const counts = countFindings(result.findings);
  const output = {
    kmlintOutputVersion: JSON_OUTPUT_VERSION,
    version: context.version,
    summary: {
      files: result.files.length,
      objects: result.objects,
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.note,
      suppressed: counts.suppressed,
    },
    ...(result.baseline ? { baseline: result.baseline } : {}),
    files: streamed(result.files),
    findings: streamed(result.findings),
    notes: result.notes ?? [],
  };
  yield* jsonChunks(output);
  yield '\n';
}

export function formatJson(result: FormatInput, context: FormatContext): string {
  return [...jsonReportChunks(result, context)].join('');
}
