import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  buildPodView,
  isObject,
  rules
} from "./chunk-SPV3MROF.js";
import {
  helpUri
} from "./chunk-OVLE3O2D.js";
import {
  UsageError
} from "./chunk-4CL4L7ZL.js";
import {
  AliasBombError,
  Parser,
  didYouMean,
  displayPath,
  locate,
  parseYamlFile,
  regionOf,
  resolveRuleSettings,
  toValue
} from "./chunk-YSCEJWNO.js";
import {
  expand
} from "./chunk-Q6VXGUCG.js";

// src/engine/exit-code.ts
var RANK = { note: 0, warning: 1, error: 2 };
function exitCode(result, options = {}) {
  if (result.internalErrors > 0) return 2;
  const threshold = RANK[options.failOn ?? "error"];
  let warnings = 0;
  let failing = false;
  for (const finding of result.findings) {
    if (finding.suppression) continue;
    if (finding.level === "warning") warnings++;
    if (RANK[finding.level] >= threshold) failing = true;
  }
  if (failing) return 1;
  if (options.maxWarnings !== void 0 && warnings > options.maxWarnings) return 1;
  return 0;
}

// src/k8s/workloads.ts
var TEMPLATE_SPEC = ["spec", "template", "spec"];
var TEMPLATE_METADATA = ["spec", "template", "metadata"];
var BUILT_IN_WORKLOADS = [
  { kind: "Pod", group: "", podSpec: ["spec"], podMetadata: ["metadata"] },
  { kind: "PodTemplate", group: "", podSpec: ["template", "spec"], podMetadata: ["template", "metadata"] },
  { kind: "ReplicationController", group: "", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "Deployment", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "StatefulSet", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "DaemonSet", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "ReplicaSet", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "Job", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  {
    kind: "CronJob",
    podSpec: ["spec", "jobTemplate", "spec", "template", "spec"],
    podMetadata: ["spec", "jobTemplate", "spec", "template", "metadata"]
  },
  { kind: "DeploymentConfig", group: "apps.openshift.io", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: "Rollout", group: "argoproj.io", podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA }
];
function groupOf(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}
function workloadOf(apiVersion, kind, extra = []) {
  const group = groupOf(apiVersion);
  for (const table of [extra, BUILT_IN_WORKLOADS]) {
    for (const entry2 of table) {
      if (entry2.kind === kind && (entry2.group === void 0 || entry2.group === group)) return entry2;
    }
  }
  return void 0;
}

// src/k8s/objects.ts
function objectsOf(value, options = {}) {
  const extraWorkloads = options.extraWorkloads ?? [];
  if (!isObject(value)) return [];
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return [];
  if (kind.endsWith("List") && Array.isArray(value.items)) {
    const objects = [];
    value.items.forEach((item, index) => {
      const object2 = isObject(item) ? objectOf(item, ["items", index], extraWorkloads) : void 0;
      if (object2) objects.push(object2);
    });
    return options.freeze ? objects.map(deepFreeze) : objects;
  }
  const object = objectOf(value, [], extraWorkloads);
  if (!object) return [];
  return [options.freeze ? deepFreeze(object) : object];
}
function objectOf(value, path5, extraWorkloads) {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return void 0;
  const metadata = isObject(value.metadata) ? value.metadata : void 0;
  const workload = workloadOf(apiVersion, kind, extraWorkloads);
  return {
    apiVersion,
    kind,
    name: typeof metadata?.name === "string" ? metadata.name : void 0,
    namespace: typeof metadata?.namespace === "string" ? metadata.namespace : void 0,
    value,
    path: path5,
    metadata,
    pod: workload ? buildPodView(value, path5, workload) : void 0
  };
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

// src/yaml/helm-source.ts
var SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;
function helmTemplateOf(doc) {
  const contents = doc.contents;
  for (const comment of [contents?.commentBefore, doc.commentBefore]) {
    const match2 = comment ? SOURCE.exec(comment) : null;
    if (match2?.[1]) return match2[1];
  }
  return void 0;
}

// src/engine/report.ts
import { createHash } from "node:crypto";
function interpolate(template, data = {}) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => name in data ? String(data[name]) : whole);
}
function objectRef(object) {
  if (!object) return void 0;
  const ref = { apiVersion: object.apiVersion, kind: object.kind };
  if (object.namespace !== void 0) ref.namespace = object.namespace;
  if (object.name !== void 0) ref.name = object.name;
  return ref;
}
function findingAt(site, ruleId, level, message, path5) {
  const span = locate(site.document.doc, path5);
  const finding = baseFinding(site, ruleId, level, message, path5);
  finding.region = regionOf(site.parsed, span.start, Math.max(trimEnd(site.parsed.text, span.start, span.end), span.start + 1));
  if (span.approximate) finding.approximate = true;
  return finding;
}
function trimEnd(text, start, end) {
  let last = end;
  while (last > start + 1 && /\s/.test(text[last - 1] ?? "")) last--;
  return last;
}
function findingAtOffsets(site, ruleId, level, message, start, end) {
  const finding = baseFinding(site, ruleId, level, message, []);
  finding.region = regionOf(site.parsed, start, Math.max(end, start + 1));
  finding.fingerprint = fingerprint([ruleId, site.file, String(site.document?.index ?? ""), message, String(start - documentStart(site))]);
  return finding;
}
function documentStart(site) {
  const range = site.document?.doc.range;
  return range?.[0] ?? 0;
}
function baseFinding(site, ruleId, level, message, path5) {
  const object = objectRef(site.object);
  const finding = {
    ruleId,
    level,
    message,
    file: site.file,
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    path: path5,
    fingerprint: fingerprint([
      ruleId,
      site.file,
      object ? `${groupOf(object.apiVersion ?? "")}/${object.kind}/${object.namespace ?? ""}/${object.name ?? ""}` : "",
      path5.join("/"),
      site.helmTemplate ?? ""
    ]),
    helpUri: helpUri(ruleId)
  };
  if (site.document) finding.documentIndex = site.document.index;
  if (object) finding.object = object;
  if (site.helmTemplate) finding.helmTemplate = site.helmTemplate;
  return finding;
}
function fingerprint(parts) {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

// src/engine/lint-file.ts
var UNRENDERED_TEMPLATE = /\{\{[-\s]/;
function lintText(file, text, options) {
  const parsed = parseYamlFile(text);
  const result = { file, parsed, documents: [], findings: [], documentCount: 0, objectCount: 0, notes: [], internalErrors: 0 };
  const walker = new RuleWalker(options.rules, result);
  const looksLikeTemplate = UNRENDERED_TEMPLATE.test(text);
  for (const problem of parsed.streamErrors) {
    result.findings.push(findingAtOffsets({ file, parsed }, problem.ruleId, "error", problem.message, problem.start, problem.end));
  }
  for (const document of parsed.documents) {
    if (document.empty) continue;
    result.documentCount++;
    const helmTemplate = helmTemplateOf(document.doc);
    const site = { file, parsed, document, helmTemplate };
    if (document.errors.length > 0) {
      reportSyntaxErrors(site, document, looksLikeTemplate, result);
      continue;
    }
    let converted;
    try {
      converted = toValue(document.doc);
    } catch (error) {
      if (!(error instanceof AliasBombError)) throw error;
      result.notes.push(`${file}: document ${document.index + 1} skipped, ${error.message}`);
      continue;
    }
    const objects = objectsOf(converted.value, { extraWorkloads: options.extraWorkloads, freeze: options.freeze });
    const owner = objects.length === 1 ? objects[0] : void 0;
    for (const problem of converted.problems) {
      result.findings.push(findingAtOffsets({ ...site, object: owner }, problem.ruleId, "error", problem.message, problem.start, problem.end));
    }
    result.documents.push({ document, helmTemplate, objects });
    for (const object of objects) {
      result.objectCount++;
      walker.visit(object, { ...site, object });
    }
  }
  return result;
}
function reportSyntaxErrors(site, document, looksLikeTemplate, result) {
  if (looksLikeTemplate) {
    const alreadyReported = result.findings.some((finding) => finding.ruleId === "yaml-syntax-error");
    if (alreadyReported) return;
    const first = document.errors[0];
    const message = `${first.message} (this looks like an unrendered Helm template: lint the output of \`helm template\` instead)`;
    result.findings.push(findingAtOffsets(site, "yaml-syntax-error", "error", message, first.start, first.end));
    return;
  }
  for (const error of document.errors) {
    result.findings.push(findingAtOffsets(site, error.ruleId, "error", error.message, error.start, error.end));
  }
}
var RuleWalker = class {
  constructor(rules2, result) {
    this.result = result;
    this.instances = rules2.map(({ rule, setting }) => ({
      rule,
      setting,
      visitors: rule.create({
        options: setting.options,
        report: (report) => {
          const site = this.site;
          if (!site || this.current !== rule) return;
          const level = setting.levelConfigured ? setting.level : report.level ?? setting.level;
          const template = rule.meta.messages[report.messageId] ?? report.messageId;
          const finding = findingAt(site, rule.meta.id, level, interpolate(template, report.data), report.at);
          if (this.container) finding.container = this.container.name;
          this.result.findings.push(finding);
        }
      })
    }));
  }
  result;
  instances;
  site;
  current;
  /** The container being visited: findings reported from it name it, so per-container suppressions match. */
  container;
  visit(object, site) {
    this.site = site;
    for (const { rule, visitors } of this.instances) {
      this.current = rule;
      try {
        visitors.object?.(object);
        const pod = object.pod;
        if (pod) {
          visitors.podSpec?.(pod, object);
          if (visitors.container) {
            for (const container of pod.containers) {
              this.container = container;
              visitors.container(container, pod, object);
            }
            this.container = void 0;
          }
        }
      } catch (error) {
        this.container = void 0;
        this.result.internalErrors++;
        const name = `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name ?? "(unnamed)"}`;
        const reason = error instanceof Error ? error.message : String(error);
        this.result.findings.push(findingAt(site, "internal-error", "error", `Rule "${rule.meta.id}" failed on ${name}: ${reason}`, object.path));
      }
    }
    this.current = void 0;
    this.site = void 0;
  }
};

// src/engine/lint.ts
import path4 from "node:path";

// src/input/discover.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
var MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];
var ALWAYS_SKIPPED = ["**/.git/**", "**/node_modules/**"];
async function discover(inputs, options) {
  const { cwd } = options;
  const kinds = new Map(inputs.filter((input) => input !== "-").map((input) => [input, statKind(path.resolve(cwd, input))]));
  const needsWalk = [...kinds.values()].some((kind) => kind !== "file");
  const { glob, hasMagic } = needsWalk ? await import("./esm-PYGIFWPL.js") : { glob: void 0, hasMagic: () => false };
  const ignorer = needsWalk ? (await loadIgnoreFiles(cwd)).add([...options.ignore ?? []]) : void 0;
  const found = /* @__PURE__ */ new Set();
  const result = { files: [], stdin: false, missing: [], notes: [] };
  const isIgnored = (absolute) => {
    if (!ignorer) return false;
    const relative = path.relative(cwd, absolute);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
    return ignorer.ignores(relative.split(path.sep).join("/"));
  };
  for (const input of inputs) {
    if (input === "-") {
      result.stdin = true;
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const kind = kinds.get(input);
    if (kind === "file") {
      found.add(absolute);
    } else if (kind === "directory" && glob) {
      for (const file of await walkDirectory(glob, absolute, cwd, isIgnored, result.notes)) found.add(file);
    } else if (kind === "loop") {
      result.notes.push(`${input}: skipped, symbolic link loop`);
    } else if (glob && hasMagic(input, { windowsPathsNoEscape: false })) {
      const matches = await glob(input, { cwd, absolute: true, nodir: true, dot: false, ignore: ALWAYS_SKIPPED });
      const kept = matches.filter((file) => !isIgnored(file)).sort();
      if (kept.length === 0) result.missing.push(input);
      for (const file of kept) found.add(file);
    } else {
      result.missing.push(input);
    }
  }
  result.files = [...found];
  return result;
}
function statKind(absolute) {
  try {
    const stat2 = statSync(absolute);
    return stat2.isDirectory() ? "directory" : "file";
  } catch (error) {
    return error.code === "ELOOP" ? "loop" : "missing";
  }
}
async function walkDirectory(glob, directory, cwd, isIgnored, notes) {
  const pattern = `**/*{${MANIFEST_EXTENSIONS.join(",")}}`;
  const matches = await glob([pattern, "**/Chart.yaml"], {
    cwd: directory,
    absolute: true,
    nodir: true,
    dot: true,
    follow: false,
    ignore: {
      ignored: (entry2) => isIgnored(entry2.fullpath()),
      childrenIgnored: (entry2) => entry2.name === ".git" || entry2.name === "node_modules" || isIgnored(entry2.fullpath())
    }
  });
  const charts = matches.filter((file) => path.basename(file) === "Chart.yaml").map((file) => path.dirname(file));
  const chartTemplates = charts.map((chart) => path.join(chart, "templates") + path.sep);
  for (const chart of charts) {
    if (existsSync(path.join(chart, "templates"))) {
      notes.push(`${path.relative(cwd, chart) || "."}: Helm chart templates skipped; lint the output of \`helm template\` instead`);
    }
  }
  return matches.filter((file) => MANIFEST_EXTENSIONS.includes(path.extname(file))).filter((file) => !chartTemplates.some((prefix2) => file.startsWith(prefix2))).sort();
}
async function loadIgnoreFiles(cwd) {
  const ignorer = (await import("./ignore-OP7E7JO7.js")).default();
  for (const name of [".gitignore", ".kmlintignore"]) {
    try {
      ignorer.add(readFileSync(path.join(cwd, name), "utf8"));
    } catch {
    }
  }
  return ignorer;
}

// src/input/read.ts
import { readFile, stat } from "node:fs/promises";
var DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
var BINARY_SNIFF_BYTES = 8e3;
async function readInput(file, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { skipped: "is a directory" };
    if (info.size > maxBytes) return { skipped: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(info.size)})` };
    const buffer = await readFile(file);
    return decode(buffer, maxBytes);
  } catch (error) {
    return { skipped: describeError(error) };
  }
}
function decode(buffer, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  if (buffer.length > maxBytes) return { skipped: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(buffer.length)})` };
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: "binary file (contains NUL bytes)" };
  return { text: buffer.toString("utf8") };
}
function describeError(error) {
  const code = error.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "unreadable (permission denied)";
    case "ELOOP":
      return "symbolic link loop";
    case "ENOENT":
      return "no such file (a broken symbolic link?)";
    default:
      return `unreadable (${code ?? error.message})`;
  }
}
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// src/suppress/directive-syntax.ts
var KINDS = ["disable-next-line", "disable-line", "disable-file", "disable", "enable"];
var UNTIL = /(?:^|[\s,;(])until\s+(\d{4}-\d{2}-\d{2})\)?\s*$/;
function parseDirective(source) {
  const body = source.replace(/^#\s*/, "");
  const kind = KINDS.find((candidate) => body === `kmlint-${candidate}` || body.startsWith(`kmlint-${candidate} `) || body.startsWith(`kmlint-${candidate}	`));
  if (!kind) return void 0;
  return { kind, ...parseRuleList(body.slice(`kmlint-${kind}`.length)) };
}
function parseRuleList(text) {
  let rest = text;
  let reason;
  const separator = rest.search(/(?:^|\s)--(?:\s|$)/);
  if (separator !== -1) {
    reason = rest.slice(separator).replace(/^\s*--/, "").trim();
    rest = rest.slice(0, separator);
  }
  let expires;
  const fromReason = reason === void 0 ? null : UNTIL.exec(reason);
  if (fromReason && reason !== void 0) {
    expires = fromReason[1];
    reason = reason.slice(0, fromReason.index).replace(/[\s,;(]+$/, "");
  } else {
    const fromRules = UNTIL.exec(rest);
    if (fromRules) {
      expires = fromRules[1];
      rest = rest.slice(0, fromRules.index);
    }
  }
  const rules2 = rest.split(/[\s,]+/).map((rule) => rule.trim()).filter((rule) => rule.length > 0);
  const list = { rules: rules2.includes("*") ? [] : rules2 };
  if (reason) list.reason = reason;
  if (expires) list.expires = expires;
  return list;
}

// src/suppress/annotations.ts
var IGNORE = "kmlint.io/ignore";
var IGNORE_REASON = "kmlint.io/ignore-reason";
var IGNORE_UNTIL = "kmlint.io/ignore-until";
var IGNORE_CONTAINER = "kmlint.io/ignore-container.";
function annotationEntries(linted) {
  const result = { entries: [], strays: [] };
  for (const { document, helmTemplate, objects } of linted.documents) {
    for (const object of objects) {
      const site = { file: linted.file, parsed: linted.parsed, document, helmTemplate, object };
      const places = [{ annotations: object.metadata?.annotations, path: [...object.path, "metadata"] }];
      const pod = object.pod;
      if (pod && pod.metadataPath.join("/") !== places[0].path.join("/")) places.push({ annotations: pod.metadata?.annotations, path: pod.metadataPath });
      for (const { annotations, path: path5 } of places) {
        if (typeof annotations !== "object" || annotations === null) continue;
        readAnnotations(annotations, [...path5, "annotations"], object, site, result);
      }
    }
  }
  return result;
}
function readAnnotations(annotations, path5, object, site, result) {
  const reason = stringAt(annotations, IGNORE_REASON);
  const until = stringAt(annotations, IGNORE_UNTIL);
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== "string") continue;
    let container;
    let containerName;
    if (key.startsWith(IGNORE_CONTAINER)) {
      containerName = key.slice(IGNORE_CONTAINER.length);
      container = object.pod?.containers.find((candidate) => candidate.name === containerName);
    } else if (key !== IGNORE) {
      continue;
    }
    const list = parseRuleList(value);
    const keyPath = [...path5, key];
    const entries = (list.rules.length > 0 ? list.rules : [void 0]).map((rule) => {
      const entry2 = {
        source: "annotation",
        at: atOf(site, keyPath),
        label: `annotation ${key}`,
        covers: (_finding, place) => place.object === object && (containerName === void 0 || container !== void 0 && place.container === container),
        reportAt: (ruleId, level, message) => findingAt(site, ruleId, level, message, keyPath)
      };
      if (rule !== void 0) entry2.rule = rule;
      const why = list.reason ?? reason;
      if (why) entry2.reason = why;
      const expires = list.expires ?? until;
      if (expires) entry2.expires = expires;
      return entry2;
    });
    result.entries.push(...entries);
    if (containerName !== void 0 && !container) result.strays.push({ entry: entries[0], container: containerName });
  }
}
function stringAt(annotations, key) {
  const value = annotations[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}
function atOf(site, path5) {
  const finding = findingAt(site, "unused-suppression", "note", "", path5);
  return `${site.file}:${finding.region.startLine}:${finding.region.startColumn}`;
}

// src/suppress/baseline.ts
import { readFile as readFile2, writeFile } from "node:fs/promises";
var BASELINE_VERSION = 1;
var BaselineError = class extends UsageError {
};
function baselineOf(findings) {
  const entries = findings.map((finding) => {
    const entry2 = { fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: finding.file, message: finding.message };
    const object = finding.object;
    if (object?.kind) entry2.object = `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name ?? "(unnamed)"}`;
    return entry2;
  });
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.object ?? "", b.object ?? "") || compare(a.fingerprint, b.fingerprint));
  return { kmlintBaselineVersion: BASELINE_VERSION, findings: entries };
}
async function writeBaseline(file, findings) {
  const baseline = baselineOf(findings);
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}
`);
  return baseline.findings.length;
}
async function readBaseline(file) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${error.code ?? error.message}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file} is not valid JSON: ${error.message}`);
  }
  const baseline = value;
  if (!baseline || baseline.kmlintBaselineVersion !== BASELINE_VERSION || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${file} is not a kmlint baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  if (!baseline.findings.every((entry2) => typeof entry2?.fingerprint === "string")) {
    throw new BaselineError(`${file}: every baseline entry needs a "fingerprint"`);
  }
  return baseline;
}
function applyBaseline(findings, baseline, file) {
  const remaining = /* @__PURE__ */ new Map();
  for (const entry2 of baseline.findings) remaining.set(entry2.fingerprint, (remaining.get(entry2.fingerprint) ?? 0) + 1);
  let matched = 0;
  for (const finding of findings) {
    if (finding.suppression) continue;
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left === 0) continue;
    remaining.set(finding.fingerprint, left - 1);
    finding.suppression = { source: "baseline", at: file };
    matched++;
  }
  let fixed2 = 0;
  for (const left of remaining.values()) fixed2 += left;
  return { file, entries: baseline.findings.length, matched, fixed: fixed2 };
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/suppress/comment-directives.ts
function commentDirectives(linted) {
  const { parsed } = linted;
  if (!parsed.text.includes("kmlint-") || parsed.documents.length === 0) return [];
  const comments = commentTokens(parsed.text);
  const lines = parsed.text.split(/\r?\n/);
  const commentLines = /* @__PURE__ */ new Set();
  for (const comment of comments) {
    const { line, col } = parsed.lineCounter.linePos(comment.offset);
    if (lines[line - 1].slice(0, col - 1).trim() === "") commentLines.add(line);
  }
  const directives = [];
  for (const comment of comments) {
    const parsedDirective = parseDirective(comment.source);
    if (!parsedDirective) continue;
    const { line, col } = parsed.lineCounter.linePos(comment.offset);
    const document = documentAt(parsed.documents, comment.offset);
    const scope = helmTemplateOf(document.doc);
    const site = { file: linted.file, parsed, document, helmTemplate: scope };
    directives.push({ ...parsedDirective, offset: comment.offset, end: comment.offset + comment.source.length, line, column: col, scope, site });
  }
  const entries = [];
  const open = /* @__PURE__ */ new Map();
  const lastLine = lines.length;
  const closeRange = (key, endLine) => {
    const range = open.get(key);
    if (!range) return;
    open.delete(key);
    entries.push(entry(range.directive, range.rule, (finding) => inScope(finding, range.directive) && finding.region.startLine >= range.directive.line && finding.region.startLine < endLine));
  };
  for (const directive of directives) {
    const rules2 = directive.rules.length > 0 ? directive.rules : [void 0];
    switch (directive.kind) {
      case "disable-next-line": {
        const target = nextCodeLine(directive.line, lines, commentLines);
        for (const rule of rules2) entries.push(entry(directive, rule, (finding) => finding.region.startLine === target));
        break;
      }
      case "disable-line":
        for (const rule of rules2) entries.push(entry(directive, rule, (finding) => finding.region.startLine === directive.line));
        break;
      case "disable-file":
        for (const rule of rules2) entries.push(entry(directive, rule, (finding) => inScope(finding, directive)));
        break;
      case "disable":
        for (const rule of rules2) {
          const key = rule ?? "*";
          closeRange(key, directive.line);
          open.set(key, { directive, rule });
        }
        break;
      case "enable":
        if (directive.rules.length === 0) for (const key of [...open.keys()]) closeRange(key, directive.line);
        else for (const rule of directive.rules) closeRange(rule, directive.line);
        break;
    }
  }
  for (const key of [...open.keys()]) closeRange(key, lastLine + 1);
  return entries;
}
function entry(directive, rule, covers) {
  const result = {
    source: "comment",
    at: `${directive.site.file}:${directive.line}:${directive.column}`,
    label: `kmlint-${directive.kind}`,
    covers,
    reportAt: (ruleId, level, message) => findingAtOffsets(directive.site, ruleId, level, message, directive.offset, directive.end)
  };
  if (rule !== void 0) result.rule = rule;
  if (directive.reason) result.reason = directive.reason;
  if (directive.expires) result.expires = directive.expires;
  return result;
}
function inScope(finding, directive) {
  return directive.scope === void 0 || finding.helmTemplate === directive.scope;
}
function nextCodeLine(line, lines, commentLines) {
  let next = line + 1;
  while (next <= lines.length && (commentLines.has(next) || lines[next - 1].trim() === "")) next++;
  return next;
}
function documentAt(documents, offset) {
  for (const document of documents) {
    const range = document.doc.range;
    if (offset < range[2]) return document;
  }
  return documents[documents.length - 1];
}
function commentTokens(text) {
  const found = [];
  const walk = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const token = value;
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") {
      found.push({ offset: token.offset, source: token.source });
      return;
    }
    for (const child of Object.values(value)) if (typeof child === "object") walk(child);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}

// src/suppress/entry.ts
var DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
function isExpired(expires, today2) {
  return expires !== void 0 && (!isDate(expires) || expires < today2);
}
function isDate(value) {
  return DATE.test(value);
}
function today(now = /* @__PURE__ */ new Date()) {
  return now.toISOString().slice(0, 10);
}

// src/suppress/exemptions.ts
import path3 from "node:path";

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code = c.charCodeAt(0);
  if (code >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code] ||= l.re.test(c) ? 1 : 2;
  return ascii[code] === 1;
};
var tokenize = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run = "";
  const flush = () => {
    for (const ch of run.normalize(form))
      out.push(lit(ch));
    run = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry2 = split(alts(after));
    after.out.push(next, entry2);
    return it.type === "*" ? after : entry2;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk = (n, indent) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk(o, indent);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk(n.sub, indent + "  ");
        return walk(n.next, indent);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk(n.next, indent);
  };
  walk(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run, i, top) {
    for (const r of state.runs) {
      if (r.neg === run.neg && sameState(r.state, run.state))
        return;
    }
    state.runs.push(run);
    if (!run.state.match) {
      this.add(state, run.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run of state.runs) {
        if (run.state.dead) {
          this.addRun(next, run, i + 1, top);
          continue;
        }
        const sub = this.step(run.state, c, i, false);
        this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code = c.charCodeAt(0);
    const found = code < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache;
    cache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache.get(key);
  if (!byPattern)
    cache.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path2 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path2.win32.sep : path2.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep2) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep2))
        return true;
    }
    const s = nextSep(f, k, sep2);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep2))
      k++;
  }
  return false;
};
var isSep = (c, sep2) => sep2 === "/" ? c === 47 : sep2 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from, sep2) => {
  if (sep2 !== "both")
    return f.indexOf(sep2, from);
  const s = f.indexOf("/", from);
  const b = f.indexOf("\\", from);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from, sep2) => sep2 !== "both" ? f.lastIndexOf(sep2, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep2 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep2);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep2))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep2) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves ? -1 : 1;
        end = !resolves;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep2)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep2))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep2);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep2) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep2))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep2); e !== -1; e = nextSep(f, s, sep2)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep2))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep2))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep2))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize2 = this.#form;
    if (normalize2)
      parts = parts.map((p) => p.normalize(normalize2));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize2,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code = 57344;
    while (pattern.includes(String.fromCharCode(code))) {
      if (++code > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set = braceExpand(marked, this.options);
    for (const p of set) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize2 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize2,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set.length; r++) {
      const pattern = set[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/suppress/exemptions.ts
function exemptionEntries(exemptions, context) {
  return exemptions.flatMap((exemption, index) => {
    const covers = matcher(exemption, context);
    const at = `${exemption.origin.file}:${exemption.origin.region.startLine}:${exemption.origin.region.startColumn}`;
    return (exemption.rules.length > 0 ? exemption.rules : [void 0]).map((rule) => {
      const entry2 = {
        source: "config",
        at,
        label: `exemption #${index + 1}`,
        reason: exemption.reason,
        covers,
        reportAt: (ruleId, level, message) => ({
          ruleId,
          level,
          message,
          file: exemption.origin.file,
          region: exemption.origin.region,
          path: [],
          fingerprint: fingerprint([ruleId, exemption.origin.file, "exemption", JSON.stringify({ ...exemption, origin: void 0 }), rule ?? "*"])
        })
      };
      if (rule !== void 0) entry2.rule = rule;
      if (exemption.expires) entry2.expires = exemption.expires;
      return entry2;
    });
  });
}
function matcher(exemption, context) {
  const glob = (pattern, value) => pattern === void 0 || value !== void 0 && minimatch(value, pattern, { dot: true, nocomment: true, nonegate: true });
  return (finding, place) => {
    const object = finding.object;
    if (!glob(exemption.kind, object?.kind)) return false;
    if (!glob(exemption.namespace, object?.namespace)) return false;
    if (!glob(exemption.name, object?.name)) return false;
    if (!glob(exemption.container, place.container?.name)) return false;
    if (exemption.path !== void 0) {
      const file = path3.relative(context.baseDir, path3.resolve(context.cwd, finding.file)).split(path3.sep).join("/");
      if (!glob(exemption.path, file) && !glob(exemption.path, finding.helmTemplate)) return false;
    }
    return true;
  };
}

// src/suppress/suppressor.ts
function createSuppressor(options = {}, context) {
  const today2 = options.today ?? today();
  const strict = new Set(options.strict ?? []);
  const known = new Set(context.rules.map((rule) => rule.meta.id));
  const exemptions = exemptionEntries(options.exemptions ?? [], { cwd: context.cwd, baseDir: options.configDir ?? context.cwd });
  const exemptionUsage = new Map(exemptions.map((entry2) => [entry2, newUsage()]));
  const levelOf = (ruleId, forced = false) => {
    const level = context.settings.get(ruleId)?.level;
    if (level || !forced) return level;
    return context.rules.find((rule) => rule.meta.id === ruleId)?.meta.level;
  };
  const report = (out, entry2, ruleId, message, forced = false) => {
    const level = levelOf(ruleId, forced);
    if (level) out.push(entry2.reportAt(ruleId, level, message));
  };
  const mark = (finding, place, entries, usage) => {
    const expired = [];
    for (const entry2 of entries) {
      if (entry2.rule !== void 0 && entry2.rule !== finding.ruleId) continue;
      if (!entry2.covers(finding, place)) continue;
      const state = usage.get(entry2);
      if (entry2.source !== "config" && strict.has(finding.ruleId)) {
        if (entry2.rule !== void 0) state.strictHit = true;
        continue;
      }
      if (isExpired(entry2.expires, today2)) {
        expired.push(entry2);
        continue;
      }
      state.used = true;
      finding.suppression ??= suppressionOf(entry2);
    }
    if (!finding.suppression && expired.length > 0) {
      for (const entry2 of expired) usage.get(entry2).expiredHit = true;
      const first = expired[0];
      const why = isDate(first.expires) ? `expired on ${first.expires}` : `has an expiry that is not a date, "${first.expires}"`;
      finding.message += ` (suppression ${why}, ${first.at})`;
    }
  };
  return {
    file(linted) {
      const inline = [];
      const strays = [];
      if (!options.noInlineSuppressions) {
        inline.push(...commentDirectives(linted));
        const annotations = annotationEntries(linted);
        inline.push(...annotations.entries);
        strays.push(...annotations.strays);
      }
      if (inline.length === 0 && exemptions.length === 0) return;
      const usage = new Map(inline.map((entry2) => [entry2, newUsage()]));
      for (const [entry2, state] of exemptionUsage) usage.set(entry2, state);
      const entries = [...inline, ...exemptions];
      for (const finding of linted.findings) mark(finding, placeOf(linted, finding), entries, usage);
      const out = [];
      const strayEntries = new Set(strays.map((stray) => stray.entry));
      for (const { entry: entry2, container } of strays) {
        report(out, entry2, "unused-suppression", `${entry2.label} names no container "${container}" in this pod, so it suppresses nothing.`);
      }
      const missingReason = /* @__PURE__ */ new Set();
      for (const entry2 of inline) {
        const state = usage.get(entry2);
        if (options.requireReason && !entry2.reason && !missingReason.has(entry2.at)) {
          missingReason.add(entry2.at);
          report(out, entry2, "suppression-missing-reason", `${entry2.label} gives no reason; add one after " -- ".`, true);
        }
        if (strayEntries.has(entry2)) continue;
        describeOutcome(out, entry2, state);
      }
      linted.findings.push(...out);
    },
    finish(run) {
      const out = [];
      for (const [entry2, state] of exemptionUsage) describeOutcome(out, entry2, state);
      run.findings.push(...out);
      if (options.baseline) run.baseline = applyBaseline(run.findings, options.baseline.baseline, options.baseline.file);
    }
  };
  function describeOutcome(out, entry2, state) {
    const subject = entry2.rule === void 0 ? "every rule" : `"${entry2.rule}"`;
    if (entry2.rule !== void 0 && !known.has(entry2.rule)) {
      report(out, entry2, "unused-suppression", `${entry2.label} names unknown rule "${entry2.rule}"${didYouMean(entry2.rule, known)}.`);
    } else if (state.strictHit) {
      report(out, entry2, "unused-suppression", `${entry2.label} cannot suppress ${subject}: the rule is on the strict list.`);
    } else if (entry2.expires !== void 0 && !isDate(entry2.expires)) {
      report(out, entry2, "suppression-expired", `${entry2.label} has the expiry "${entry2.expires}", which is not a date (YYYY-MM-DD), so it suppresses nothing.`);
    } else if (state.expiredHit) {
      const why = entry2.reason ? ` (${entry2.reason})` : "";
      report(out, entry2, "suppression-expired", `${entry2.label} for ${subject}${why} expired on ${entry2.expires}; its findings are reported again.`);
    } else if (!state.used) {
      const expired = isExpired(entry2.expires, today2) ? ` and expired on ${entry2.expires}` : "";
      report(out, entry2, "unused-suppression", `${entry2.label} for ${subject} suppressed nothing${expired}; remove it.`);
    }
  }
}
function newUsage() {
  return { used: false, expiredHit: false, strictHit: false };
}
function suppressionOf(entry2) {
  const suppression = { source: entry2.source, at: entry2.at };
  if (entry2.reason) suppression.reason = entry2.reason;
  if (entry2.expires) suppression.expires = entry2.expires;
  return suppression;
}
function placeOf(linted, finding) {
  const place = {};
  const document = linted.documents.find((candidate) => candidate.document.index === finding.documentIndex);
  if (!document) return place;
  for (const object of document.objects) {
    if (isPrefix(object.path, finding.path) && (!place.object || object.path.length > place.object.path.length)) place.object = object;
  }
  const containers = place.object?.pod?.containers ?? [];
  place.container = (finding.container !== void 0 ? containers.find((container) => container.name === finding.container) : void 0) ?? containers.find((container) => isPrefix(container.path, finding.path));
  return place;
}
function isPrefix(prefix2, path5) {
  return prefix2.length <= path5.length && prefix2.every((segment, index) => path5[index] === segment);
}

// src/engine/lint.ts
async function lint(options) {
  const cwd = path4.resolve(options.cwd);
  const discovery = await discover(options.paths, { cwd, ignore: options.ignore });
  if (discovery.missing.length > 0) {
    throw new UsageError(`No such file, directory or matching glob: ${discovery.missing.join(", ")}`);
  }
  const settings = resolveRuleSettings(options.rules ?? rules, options.presets ?? ["recommended"], options.ruleOverrides);
  const enabled = (options.rules ?? rules).filter((rule) => settings.has(rule.meta.id)).map((rule) => ({ rule, setting: settings.get(rule.meta.id) }));
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const suppressor = createSuppressor(options.suppress, { rules: options.rules ?? rules, settings, cwd });
  const sources = discovery.files.map((file) => ({
    display: displayPath(cwd, file),
    read: () => readInput(file, maxBytes)
  }));
  if (discovery.stdin) {
    sources.push({
      display: options.stdinFilename ?? "<stdin>",
      read: async () => decode(options.stdinText !== void 0 ? Buffer.from(options.stdinText) : await readStdin(), maxBytes)
    });
  }
  const run = { findings: [], files: [], objects: 0, internalErrors: 0, notes: [...discovery.notes], sources: /* @__PURE__ */ new Map() };
  let done = 0;
  for (const source of sources) {
    const outcome = await source.read();
    if ("skipped" in outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, skipped: outcome.skipped });
      run.notes.push(`${source.display}: skipped, ${outcome.skipped}`);
    } else {
      const linted = lintText(source.display, outcome.text, { rules: enabled, extraWorkloads: options.extraWorkloads });
      suppressor.file(linted);
      options.onFile?.(linted);
      const report = { file: source.display, objects: linted.objectCount, documents: linted.documentCount };
      run.files.push(report);
      const findings = applyEngineRuleSettings(linted.findings, settings);
      run.findings.push(...sortFindings(findings));
      if (options.keepSources && findings.length > 0) run.sources.set(source.display, outcome.text);
      run.objects += linted.objectCount;
      run.internalErrors += linted.internalErrors;
      run.notes.push(...linted.notes);
    }
    options.onProgress?.(++done, sources.length);
  }
  suppressor.finish(run);
  return run;
}
function applyEngineRuleSettings(findings, settings) {
  return findings.flatMap((finding) => {
    if (finding.ruleId === "internal-error") return [finding];
    const setting = settings.get(finding.ruleId);
    if (!setting) return [];
    return setting.levelConfigured ? [{ ...finding, level: setting.level }] : [finding];
  });
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || a.ruleId.localeCompare(b.ruleId)
  );
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// src/formatters/index.ts
var FORMATS = ["text", "json", "sarif", "github"];
var loaders = {
  text: async () => (await import("./text-2MAKYV5H.js")).formatText,
  json: async () => (await import("./json-7CJMBNKG.js")).formatJson,
  sarif: async () => (await import("./sarif-GW4X46QC.js")).formatSarif,
  github: async () => (await import("./github-AEIVSFCU.js")).formatGithub
};
function loadFormatter(name) {
  return loaders[name]();
}

export {
  writeBaseline,
  readBaseline,
  exitCode,
  lintText,
  lint,
  FORMATS,
  loadFormatter
};
