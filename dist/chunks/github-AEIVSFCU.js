import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  countFindings,
  plural
} from "./chunk-JFTRSA6R.js";
import {
  LEVELS
} from "./chunk-67Y7D4EU.js";
import "./chunk-D3YWBXWW.js";

// src/formatters/github.ts
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function formatGithub(result, _context) {
  const active = result.findings.filter((finding) => !finding.suppression);
  const sorted = [...active].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  const lines = sorted.map(annotation);
  const counts = countFindings(result.findings);
  lines.push(`kmlint: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")} in ${plural(result.files.length, "file")}.`);
  return `${lines.join("\n")}
`;
}
function annotation(finding) {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  const properties = [`file=${escapeProperty(finding.file)}`, `line=${startLine}`, `endLine=${endLine}`];
  if (startLine === endLine) properties.push(`col=${startColumn}`, `endColumn=${endColumn}`);
  properties.push(`title=${escapeProperty(finding.ruleId)}`);
  const template = finding.helmTemplate ? ` (Helm template ${finding.helmTemplate})` : "";
  return `::${COMMAND[finding.level]} ${properties.join(",")}::${escapeData(`${finding.message}${template}`)}`;
}
function escapeData(text) {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
export {
  annotation,
  formatGithub
};
