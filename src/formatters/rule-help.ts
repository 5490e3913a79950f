/** The help a SARIF viewer shows beside a result, from the rule's own metadata. */
import type { RuleMeta } from '../engine/define-rule.js';
import { helpUri } from '../findings/help-uri.js';

export function ruleHelpText(rule: RuleMeta): string {
  const pss = rule.pss ? ` Pod Security Standards: ${rule.pss.profile}, ${rule.pss.control}.` : '';
  return `${rule.summary} How to fix: ${rule.remediation}${pss} More: ${helpUri(rule.id)}`;
}

export function ruleHelpMarkdown(rule: RuleMeta): string {
  const lines = [`**${rule.id}**: ${rule.summary}`, '', `**How to fix:** ${rule.remediation}`];
  if (rule.pss) lines.push('', `Pod Security Standards: *${rule.pss.profile}*, control "${rule.pss.control}".`);
  lines.push('', `[Rule documentation](${helpUri(rule.id)})`);
  return lines.join('\n');
}
