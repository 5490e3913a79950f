import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-4CL4L7ZL.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-ZKXY46XK.js";
import "./chunk-D3YWBXWW.js";

// src/config/init.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
var STARTER_CONFIG = `# kmlint configuration. Suppress one finding in a manifest with an annotation
# (kmlint.io/ignore: "rule-id -- reason") or a comment (# kmlint-disable-next-line rule-id -- reason).
# Checked against schemas/kmlint-config.schema.json; a mistake is reported at its line and column.
# yaml-language-server: $schema=https://github.com/kmlint/kmlint/raw/main/schemas/kmlint-config.schema.json

# Presets: recommended, all, pss-baseline, pss-restricted.
extends: [recommended]

# Per rule: off, note, warning, error, or [level, { options }].  "kmlint rules" lists them.
rules:
  privileged-container: error
  # missing-cpu-limit: off

# Files never linted (gitignore syntax, relative to this file).
ignore:
  - "**/charts/*/templates/tests/**"

# Accepted findings, each with a reason (and an optional expiry date, after which they come back).
exemptions: []
#  - kind: DaemonSet
#    namespace: kube-system
#    name: node-exporter
#    rules: [host-network, host-pid]
#    reason: The node exporter reads the host's network and process tables.
#    expires: 2027-03-01
#  - container: istio-proxy
#    rules: [missing-read-only-root-fs]
#    reason: Injected by the mesh; its image is not ours.

# Custom resources with a pod template, so every pod rule covers them.
workloads: []
#  - kind: BatchJob
#    group: batch.example.com
#    podSpec: spec.template.spec

# Rules that annotations and comments cannot suppress (config exemptions still can).
strict: []

# Lowest level that fails the run, and how many warnings are tolerated.
failOn: error
# maxWarnings: 0

# Report annotations and comments that suppress a finding without saying why.
requireReason: false

# Findings recorded with --write-baseline; only new ones are reported.
# baseline: .kmlint-baseline.json
`;
async function writeStarterConfig(cwd) {
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here; edit it, or remove it to start again.`);
  const file = path.join(cwd, CONFIG_FILE_NAMES[0]);
  await writeFile(file, STARTER_CONFIG);
  return file;
}
export {
  STARTER_CONFIG,
  writeStarterConfig
};
