import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  helpUri
} from "./chunk-OVLE3O2D.js";
import {
  HOMEPAGE
} from "./chunk-6PETK7WF.js";
import "./chunk-D3YWBXWW.js";

// src/formatters/rule-help.ts
function ruleHelpText(rule) {
  const pss = rule.pss ? ` Pod Security Standards: ${rule.pss.profile}, ${rule.pss.control}.` : "";
  return `${rule.summary} How to fix: ${rule.remediation}${pss} More: ${helpUri(rule.id)}`;
}
function ruleHelpMarkdown(rule) {
  const lines = [`**${rule.id}**: ${rule.summary}`, "", `**How to fix:** ${rule.remediation}`];
  if (rule.pss) lines.push("", `Pod Security Standards: *${rule.pss.profile}*, control "${rule.pss.control}".`);
  lines.push("", `[Rule documentation](${helpUri(rule.id)})`);
  return lines.join("\n");
}

// src/formatters/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var IN_SOURCE = /* @__PURE__ */ new Set(["comment", "annotation"]);
var MAX_RESULTS = 2e4;
function formatSarif(result, context) {
  const rules = [...context.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const include = context.sarifIncludeSuppressed === true;
  const kept = result.findings.filter((finding) => include || !finding.suppression);
  const results = kept.slice(0, MAX_RESULTS).map((finding) => sarifResult(finding, index.get(finding.ruleId), include));
  const notifications = (result.notes ?? []).map((note) => ({ level: "warning", message: { text: note } }));
  if (kept.length > MAX_RESULTS) {
    notifications.push({ level: "warning", message: { text: `${kept.length - MAX_RESULTS} results left out: GitHub accepts at most 25,000 per run.` } });
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kmlint",
            version: context.version,
            semanticVersion: context.version,
            informationUri: HOMEPAGE,
            rules: rules.map(ruleDescriptor)
          }
        },
        invocations: [
          {
            executionSuccessful: result.internalErrors === 0,
            ...notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}
          }
        ],
        automationDetails: { id: "kmlint/" },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The directory kmlint was run from (the repository root)." } } },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function ruleDescriptor(rule) {
  const tags = [rule.category, ...rule.presets, ...rule.pss ? [`pss-${rule.pss.profile}`] : [], ...rule.tags ?? []];
  const properties = { tags: [...new Set(tags)].slice(0, 20), precision: rule.precision ?? "high" };
  if (rule.securitySeverity !== void 0) properties["security-severity"] = rule.securitySeverity.toFixed(1);
  else properties["problem.severity"] = rule.level === "note" ? "recommendation" : rule.level;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${rule.remediation}` },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.level },
    properties
  };
}
function sarifResult(finding, ruleIndex, withSuppressions) {
  const object = finding.object;
  const logicalName = object ? `${object.namespace ? `${object.namespace}/` : ""}${object.kind}/${object.name ?? "(unnamed)"}` : void 0;
  const result = {
    ruleId: finding.ruleId,
    ...ruleIndex !== void 0 ? { ruleIndex } : {},
    level: finding.level,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: "%SRCROOT%" },
          region: { ...finding.region }
        },
        ...logicalName && object ? { logicalLocations: [{ name: object.name ?? "(unnamed)", fullyQualifiedName: logicalName, kind: "resource" }] } : {}
      }
    ],
    partialFingerprints: { "kmlint/v1": finding.fingerprint }
  };
  if (finding.helmTemplate) {
    result.relatedLocations = [
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: encodeUri(finding.helmTemplate) } },
        message: { text: `Rendered from the Helm template ${finding.helmTemplate}` }
      }
    ];
  }
  if (object) result.properties = { kind: object.kind, namespace: object.namespace ?? null, name: object.name ?? null, path: finding.path.join(".") };
  if (withSuppressions) {
    result.suppressions = finding.suppression ? [{ kind: IN_SOURCE.has(finding.suppression.source) ? "inSource" : "external", status: "accepted", ...finding.suppression.reason ? { justification: finding.suppression.reason } : {} }] : [];
  }
  return result;
}
function encodeUri(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
export {
  formatSarif
};
