import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  LEVELS
} from "./chunk-67Y7D4EU.js";
import {
  FORMATS,
  exitCode,
  lint,
  loadFormatter,
  readBaseline,
  writeBaseline
} from "./chunk-62HYNTWM.js";
import {
  oneOf
} from "./chunk-DS7BAU77.js";
import {
  rules
} from "./chunk-SPV3MROF.js";
import "./chunk-OVLE3O2D.js";
import {
  VERSION
} from "./chunk-6PETK7WF.js";
import {
  UsageError
} from "./chunk-4CL4L7ZL.js";
import {
  PRESETS
} from "./chunk-YSCEJWNO.js";
import {
  findConfigFile
} from "./chunk-ZKXY46XK.js";
import "./chunk-Q6VXGUCG.js";
import "./chunk-D3YWBXWW.js";

// src/cli/run.ts
import { writeFile } from "node:fs/promises";

// src/config/run-setup.ts
import path from "node:path";
async function setupRun(flags, context) {
  const hasConfig = flags.config !== void 0 || findConfigFile(context.cwd) !== void 0;
  const config = hasConfig ? await (await import("./load-PHPUTVFN.js")).loadConfig({ cwd: context.cwd, configFile: flags.config, rules: context.rules }) : void 0;
  const maxWarnings = flags.maxWarnings !== void 0 ? parseMaxWarnings(flags.maxWarnings) : config?.maxWarnings;
  const baselineFile = flags.baseline !== void 0 ? path.resolve(context.cwd, flags.baseline) : config?.baseline;
  const display = (file) => path.relative(context.cwd, file).split(path.sep).join("/") || path.basename(file);
  const lint2 = {
    suppress: {
      exemptions: config?.exemptions ?? [],
      configDir: config?.dir ?? context.cwd,
      strict: config?.strict ?? [],
      noInlineSuppressions: flags.noInlineSuppressions ?? false,
      requireReason: flags.requireReason ?? config?.requireReason ?? false
    }
  };
  const presets = flags.presets ?? config?.presets;
  if (presets) lint2.presets = presets;
  if (config) {
    lint2.ruleOverrides = config.ruleOverrides;
    lint2.ignore = config.ignore;
    lint2.extraWorkloads = config.extraWorkloads;
  }
  if (baselineFile !== void 0 && !(flags.writeBaseline !== void 0 && flags.baseline === void 0)) {
    lint2.suppress.baseline = { file: display(baselineFile), baseline: await readBaseline(baselineFile) };
  }
  const exit = { failOn: flags.failOn ?? config?.failOn ?? "error" };
  if (maxWarnings !== void 0) exit.maxWarnings = maxWarnings;
  return {
    lint: lint2,
    exit,
    async afterLint(result) {
      if (flags.writeBaseline === void 0) return [];
      const file = path.resolve(context.cwd, flags.writeBaseline);
      const recorded = result.findings.filter((finding) => !finding.suppression || finding.suppression.source === "baseline");
      const count = await writeBaseline(file, recorded);
      for (const finding of recorded) finding.suppression ??= { source: "baseline", at: display(file) };
      const fixed = result.baseline?.fixed ?? 0;
      result.baseline = { file: display(file), entries: count, matched: count, fixed };
      return [`wrote ${count} finding${count === 1 ? "" : "s"} to the baseline ${display(file)}; later runs with --baseline ${display(file)} report only new ones`];
    }
  };
}
function parseMaxWarnings(value) {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number (0 or more); got "${value}".`);
  return Number(value);
}

// src/cli/progress.ts
function progressReporter(stream) {
  const enabled = stream.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled || total < 2) return;
      stream.write(`\rkmlint: ${done}/${total} files`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1B[2K");
    }
  };
}

// src/cli/color.ts
function useColor(flags, stream) {
  if (flags["no-color"]) return false;
  if (flags.color) return true;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

// src/cli/run.ts
async function run(args) {
  const { values, positionals } = args;
  const format = oneOf("format", values.format, FORMATS, "text");
  const failOn = values["fail-on"] === void 0 ? void 0 : oneOf("fail-on", values["fail-on"], LEVELS, "error");
  const presets = values.preset?.map((preset) => oneOf("preset", preset, PRESETS, "recommended"));
  if (positionals.length === 0) throw new UsageError("no paths given: name files, directories or globs, or - for standard input.");
  const cwd = process.cwd();
  const setup = await setupRun(
    {
      config: values.config,
      presets,
      failOn,
      maxWarnings: values["max-warnings"],
      requireReason: values["require-reason"],
      noInlineSuppressions: values["no-inline-suppressions"],
      baseline: values.baseline,
      writeBaseline: values["write-baseline"]
    },
    { cwd, rules }
  );
  const progress = progressReporter(process.stderr);
  const result = await lint({
    paths: positionals,
    cwd,
    ...setup.lint,
    stdinFilename: values["stdin-filename"],
    onProgress: progress.update,
    keepSources: format === "text"
  });
  progress.done();
  result.notes.push(...await setup.afterLint(result));
  if (result.baseline && values["write-baseline"] === void 0) {
    const { file, matched, fixed } = result.baseline;
    result.notes.push(`baseline ${file}: ${matched} known finding${matched === 1 ? "" : "s"} hidden, ${fixed} entr${fixed === 1 ? "y" : "ies"} fixed since it was written`);
  }
  for (const note of result.notes) process.stderr.write(`kmlint: ${note}
`);
  if (result.objects === 0 && !result.findings.some((finding) => finding.ruleId === "yaml-syntax-error")) {
    process.stderr.write(`kmlint: no Kubernetes objects found in ${result.files.length} file${result.files.length === 1 ? "" : "s"} (documents without apiVersion and kind are skipped).
`);
  }
  const formatter = await loadFormatter(format);
  const output = formatter(result, {
    cwd,
    version: VERSION,
    rules: rules.map((rule) => rule.meta),
    sources: result.sources,
    codeFrame: !values["no-code-frame"],
    color: values.output ? false : useColor(values, process.stdout),
    showSuppressed: values["show-suppressed"],
    sarifIncludeSuppressed: values["sarif-include-suppressed"]
  });
  if (values.output) await writeFile(values.output, output);
  else process.stdout.write(output);
  return exitCode(result, setup.exit);
}
export {
  run
};
