import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  oneOf
} from "./chunk-DS7BAU77.js";
import {
  rules
} from "./chunk-SPV3MROF.js";
import {
  helpUri
} from "./chunk-OVLE3O2D.js";
import "./chunk-6PETK7WF.js";
import "./chunk-4CL4L7ZL.js";
import "./chunk-D3YWBXWW.js";

// src/cli/rules-command.ts
function listRules(args) {
  const format = oneOf("format", args.values.format, ["text", "json"], "text");
  const list = [...rules].map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    level: meta.level,
    securitySeverity: meta.securitySeverity ?? null,
    summary: meta.summary,
    presets: ["all", ...meta.presets].filter((preset, index, all) => all.indexOf(preset) === index),
    helpUri: helpUri(meta.id)
  })).sort((a, b) => a.id.localeCompare(b.id));
  if (format === "json") {
    process.stdout.write(`${JSON.stringify(list, null, 2)}
`);
    return 0;
  }
  const width = Math.max(...list.map((rule) => rule.id.length));
  for (const rule of list) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.level.padEnd(7)}  ${rule.category.padEnd(13)}  ${rule.summary}
`);
  }
  process.stdout.write(`
${list.length} rules. "kmlint rules --format json" for details.
`);
  return 0;
}
export {
  listRules
};
