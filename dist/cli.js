#!/usr/bin/env node
import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  parseCommandLine
} from "./chunks/chunk-DS7BAU77.js";
import {
  VERSION
} from "./chunks/chunk-6PETK7WF.js";
import {
  UsageError
} from "./chunks/chunk-4CL4L7ZL.js";
import "./chunks/chunk-D3YWBXWW.js";

// src/cli.ts
import { existsSync } from "node:fs";
import module from "node:module";
module.enableCompileCache?.();
function isCommand(positionals, name) {
  return positionals[0] === name && !existsSync(name);
}
async function main(argv) {
  const args = parseCommandLine(argv);
  if (args.values.help) {
    process.stdout.write((await import("./chunks/help-6OAY4DXY.js")).HELP);
    return 0;
  }
  if (args.values.version) {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  if (isCommand(args.positionals, "init") && args.positionals.length === 1) {
    const file = await (await import("./chunks/init-LRBTKANB.js")).writeStarterConfig(process.cwd());
    process.stderr.write(`kmlint: wrote ${file}
`);
    return 0;
  }
  if (isCommand(args.positionals, "rules")) {
    return (await import("./chunks/rules-command-X2WMYSYF.js")).listRules(args);
  }
  return (await import("./chunks/run-NR5CB33O.js")).run(args);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof Error && error.name === "ConfigError") {
      process.stderr.write(`${error.message}
`);
    } else if (error instanceof UsageError || error instanceof Error && error.name === "UsageError") {
      process.stderr.write(`kmlint: ${error.message}
Run "kmlint --help" for usage.
`);
    } else {
      process.stderr.write(`kmlint: internal error: ${error instanceof Error ? error.message : String(error)}
`);
    }
    process.exitCode = 2;
  }
);
