import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-4CL4L7ZL.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
var OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  "stdin-filename": { type: "string" },
  preset: { type: "string", multiple: true },
  "fail-on": { type: "string" },
  "max-warnings": { type: "string" },
  config: { type: "string", short: "c" },
  "require-reason": { type: "boolean" },
  "no-inline-suppressions": { type: "boolean" },
  "show-suppressed": { type: "boolean" },
  "sarif-include-suppressed": { type: "boolean" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "no-code-frame": { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" }
};
function parseCommandLine(argv) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, "."));
  }
}
function oneOf(flag, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}; got "${value}".`);
}

export {
  parseCommandLine,
  oneOf
};
