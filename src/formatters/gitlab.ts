/**
 * GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array of issues.
 * Fields and severities as documented at https://docs.gitlab.com/ci/testing/code_quality/.
 */
import type { RuleMeta } from '../engine/define-rule.js';
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { jsonChunks, mapped, streamed } from './json-stream.js';
import { isActive, kept, messageWithTemplate } from './summary.js';

type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export function* gitlabChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  const rules = new Map(context.rules.map((rule) => [rule.id, rule]));
  const active = kept(result.findings, isActive);
  yield* jsonChunks(streamed(mapped(active, (finding) => issue(finding, rules.get(finding.ruleId)))));
  yield '\n';
}

function issue(finding: Finding, rule: RuleMeta | undefined) {
  return {
    type: 'issue',
    description: messageWithTemplate(finding),
    check_name: finding.ruleId,
    // Same identity as SARIF's partialFingerprints: no line numbers, so moving lines keeps the issue.
    fingerprint: finding.fingerprint,
    severity: severity(finding, rule),
    categories: [rule?.category === 'security' ? 'Security' : 'Bug Risk'],
    location: { path: finding.file, lines: { begin: finding.region.startLine, end: finding.region.endLine } },
  };
}

/** Errors of rules scored critical (security severity 9 or more) rank above the other errors. */
function severity(finding: Finding, rule: RuleMeta | undefined): Severity {
  if (finding.level === 'error') return (rule?.securitySeverity ?? 0) >= 9 ? 'critical' : 'major';
  return finding.level === 'warning' ? 'minor' : 'info';
}
