import { defineRule } from '../engine/define-rule.js';
import { auditRules, decidingRule, levelAtLeast } from '../k8s/views/audit-policy.js';

/** What an audit log must show, as the hardening guides list it: credentials, configuration, permissions, and commands run in pods. */
const REQUIRED: readonly { what: string; group: string; resources: readonly string[] }[] = [
  { what: 'Secrets', group: '', resources: ['secrets'] },
  { what: 'ConfigMaps', group: '', resources: ['configmaps'] },
  { what: 'RBAC changes', group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'] },
  { what: 'pods/exec', group: '', resources: ['pods/exec'] },
  { what: 'pods/attach', group: '', resources: ['pods/attach'] },
  { what: 'pods/portforward', group: '', resources: ['pods/portforward'] },
];

export default defineRule<'dropped' | 'unmatched'>({
  meta: {
    id: 'audit-policy-missing-or-weak',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '3.2.2',
    tags: ['control-plane'],
    kinds: ['audit.k8s.io/Policy'],
    summary:
      'An audit Policy must record access to Secrets, ConfigMaps, RBAC objects and pods/exec, pods/attach and pods/portforward at Metadata level or above: these are the requests an incident investigation needs.',
    remediation: 'Add a rule at level Metadata for these resources before any rule that sets them to None.',
    messages: {
      dropped: '{{what}} are not logged: rule {{rule}} sets level None for them.',
      unmatched: '{{what}} are not logged: no rule matches them.',
    },
  },
  create(context) {
    return {
      object(object) {
        const rules = auditRules(object);
        for (const required of REQUIRED) {
          // One finding per concern, at the first of its resources that is not logged.
          for (const resource of required.resources) {
            const rule = decidingRule(rules, required.group, resource);
            if (levelAtLeast(rule?.level, 'Metadata')) continue;
            if (rule) context.report({ messageId: 'dropped', data: { what: required.what, rule: rule.number }, at: [...rule.path, 'level'], missing: rule.value.level === undefined });
            else context.report({ messageId: 'unmatched', data: { what: required.what }, at: [...object.path, 'rules'], missing: true });
            break;
          }
        }
      },
    };
  },
});
