import { defineRule } from '../engine/define-rule.js';
import { auditRules, levelAtLeast, matchesResource } from '../k8s/views/audit-policy.js';

export default defineRule<'bodies'>({
  meta: {
    id: 'audit-policy-logs-secret-bodies',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended'],
    tags: ['control-plane'],
    kinds: ['audit.k8s.io/Policy'],
    summary:
      'An audit Policy must not log Secret requests at level Request or RequestResponse: the bodies carry the secret data, which then lands in every copy of the audit log.',
    remediation: 'Add a rule `level: Metadata` for secrets (group "") before the rules that log bodies.',
    messages: {
      bodies: 'Rule {{rule}} logs Secret {{what}} at level {{level}}: secret data is written to the audit log.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const rule of auditRules(object)) {
          if (!matchesResource(rule, '', 'secrets')) continue;
          if (levelAtLeast(rule.level, 'Request')) {
            const what = rule.level === 'RequestResponse' ? 'request and response bodies' : 'request bodies';
            context.report({ messageId: 'bodies', data: { rule: rule.number, what, level: rule.level ?? '' }, at: [...rule.path, 'level'] });
          }
          // A rule that takes every Secret request ends the search; one for some users only lets the rest through.
          if (!rule.restricted) break;
        }
      },
    };
  },
});
