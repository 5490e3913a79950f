import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  countFindings
} from "./chunk-JFTRSA6R.js";
import "./chunk-D3YWBXWW.js";

// src/formatters/json.ts
var JSON_OUTPUT_VERSION = 1;
function formatJson(result, context) {
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
      suppressed: counts.suppressed
    },
    ...result.baseline ? { baseline: result.baseline } : {},
    files: result.files,
    findings: result.findings,
    notes: result.notes ?? []
  };
  return `${JSON.stringify(output, null, 2)}
`;
}
export {
  JSON_OUTPUT_VERSION,
  formatJson
};
