/** `kmlint init`: a commented starter `.kmlint.yaml` that loads as it is. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { CONFIG_FILE_NAMES } from './find.js';

// Editors with the YAML language server (VS Code, Neovim, JetBrains) complete and check the file with it.
// Pinned to this release, whose rules it lists; the same file ships in the package under schemas/.
export const SCHEMA_LINE = `# yaml-language-server: $schema=${HOMEPAGE}/raw/v${VERSION}/schemas/kmlint-config.schema.json`;

export const STARTER_CONFIG = `${SCHEMA_LINE}
# kmlint configuration. Suppress one finding in a manifest with an annotation
# (kmlint.io/ignore: "rule-id -- reason") or a comment (# kmlint-disable-next-line rule-id -- reason).
# Checked against schemas/kmlint-config.schema.json; a mistake is reported at its line and column.

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

export async function writeStarterConfig(cwd: string): Promise<string> {
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here; edit it, or remove it to start again.`);
  const file = path.join(cwd, CONFIG_FILE_NAMES[0]);
  await writeFile(file, STARTER_CONFIG);
  return file;
}
