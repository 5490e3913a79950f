/**
 * Comment directives of the files findings of rendered sets move to (base resources, patch files). kustomize
 * drops comments, so they are read from those files once every overlay has been linted and mapped: a directive
 * suppresses the findings of every overlay that land on its lines, and one that none of them uses is reported
 * once, not once per overlay.
 */
import { displayPath } from '../input/display-path.js';
import { resolveRuleSettings } from '../engine/rule-settings.js';
import type { LintedFile } from '../engine/lint-file.js';
import { rules as allRules } from '../rules/index.js';
import type { LintOptions } from '../run/lint.js';
import { createSuppressor } from '../suppress/suppressor.js';
import type { Finding } from '../types.js';
import type { OriginFiles } from './origin-files.js';

/** Marks the findings the origin files' directives suppress; returns the findings about those directives. */
export function applyOriginDirectives(findings: readonly Finding[], files: OriginFiles, options: LintOptions, cwd: string): Finding[] {
  const rules = options.rules ?? allRules;
  const settings = resolveRuleSettings(rules, options.presets ?? ['recommended'], options.ruleOverrides);
  // Configuration exemptions and the baseline were applied by each rendered run already.
  const suppressor = createSuppressor({ ...options.suppress, exemptions: [], baseline: undefined }, { rules, settings, cwd });
  const out: Finding[] = [];
  for (const file of files.read()) {
    if (file.host || !file.text.includes('kmlint-')) continue;
    const display = displayPath(cwd, file.absolute);
    const linted: LintedFile = { file: display, parsed: file.parsed, documents: [], findings: [], documentCount: 0, objectCount: 0, notes: [], internalErrors: 0, pending: [], unreachedKinds: new Set() };
    const handle = suppressor.file(linted);
    handle.mark(findings.filter((finding) => finding.file === display));
    out.push(...handle.close());
  }
  return out;
}
