import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  countFindings,
  plural
} from "./chunk-JFTRSA6R.js";
import "./chunk-D3YWBXWW.js";

// src/formatters/text.ts
import { styleText } from "node:util";
var LEVEL_STYLE = { error: "red", warning: "yellow", note: "blue" };
function formatText(result, context) {
  const paint = (style, text) => context.color ? styleText(style, text) : text;
  const secretColumns = secretColumnsByLine(result.findings, new Set(context.rules.filter((rule) => rule.tags?.includes("secret")).map((rule) => rule.id)));
  const shown = result.findings.filter((finding) => !finding.suppression || context.showSuppressed);
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of shown) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const out = [];
  for (const [file, findings] of byFile) {
    out.push(paint("underline", file));
    const lines = context.sources?.get(file)?.split(/\r?\n/);
    for (const finding of findings) {
      const { startLine, startColumn } = finding.region;
      const where = paint("dim", `${startLine}:${startColumn}`.padEnd(8));
      const level = paint(LEVEL_STYLE[finding.level], finding.level.padEnd(8));
      const suppressed2 = finding.suppression ? paint("dim", ` [suppressed by ${finding.suppression.source}${finding.suppression.reason ? `: ${finding.suppression.reason}` : ""}]`) : "";
      out.push(`  ${where}${level}${finding.message}  ${paint("dim", finding.ruleId)}${suppressed2}`);
      if (context.codeFrame !== false && lines) {
        const maskFrom = secretColumns.get(`${finding.file}:${finding.region.startLine}`);
        out.push(...codeFrame(lines, finding, maskFrom).map((line) => paint("dim", line)));
      }
      if (finding.helmTemplate) out.push(`          ${paint("dim", `Helm template: ${finding.helmTemplate}`)}`);
    }
    out.push("");
  }
  const counts = countFindings(result.findings);
  const total = counts.error + counts.warning + counts.note;
  const suppressed = counts.suppressed > 0 ? `, ${counts.suppressed} suppressed${context.showSuppressed ? "" : " (--show-suppressed lists them)"}` : "";
  const summary = `${total === 0 ? "✔" : "✖"} ${plural(total, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")}${suppressed}) in ${plural(result.files.length, "file")}, ${plural(result.objects, "object")}`;
  out.push(paint(counts.error > 0 ? "red" : total > 0 ? "yellow" : "green", summary));
  return `${out.join("\n")}
`;
}
function secretColumnsByLine(findings, secretRules) {
  const columns = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (!secretRules.has(finding.ruleId)) continue;
    const key = `${finding.file}:${finding.region.startLine}`;
    columns.set(key, Math.min(columns.get(key) ?? Infinity, finding.region.startColumn));
  }
  return columns;
}
function codeFrame(lines, finding, maskFrom) {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  const source = lines[startLine - 1];
  if (source === void 0) return [];
  const shown = maskFrom === void 0 ? source : maskValue(source, maskFrom - 1);
  const last = endLine === startLine ? Math.max(endColumn, startColumn + 1) : shown.length + 1;
  const gutter = String(startLine).padStart(6);
  const underline = " ".repeat(startColumn - 1) + "^".repeat(Math.max(1, Math.min(last, shown.length + 1) - startColumn));
  return [`${gutter} | ${shown}`, `${" ".repeat(6)} | ${underline}`];
}
function maskValue(line, from) {
  const colon = line.indexOf(": ", from);
  const keep = colon === -1 ? from : colon + 2;
  return line.length > keep ? `${line.slice(0, keep)}********` : line;
}
export {
  formatText
};
