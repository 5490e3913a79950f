import { defineRule } from '../engine/define-rule.js';
import { rbacRulesOf } from '../k8s/views/rbac-rules.js';
import { matchRisk, RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { isSystemObject } from './templates/rbac-role-rule.js';

/** Approval needs both rights, possibly in two rules of the role: reported at the approval rule. */
export default defineRule({
  meta: {
    id: 'rbac-csr-approve',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.11',
    tags: ['rbac'],
    kinds: ['rbac-roles'],
    summary:
      'Roles must not both update certificatesigningrequests/approval and approve on signers: the holder can approve its own client certificate for any user or group, system:masters included.',
    remediation: 'Leave certificate approval to the controllers that own it (kube-controller-manager, cert-manager); remove the approval rights from the role.',
    messages: {
      approve: '{{kind}} "{{name}}" may approve certificate signing requests ({{verbs}} on certificatesigningrequests/approval and approve on signers).',
    },
  },
  create(context) {
    return {
      object(object) {
        if (isSystemObject(object)) return;
        const rules = rbacRulesOf(object);
        if (!rules.some((rule) => matchRisk(rule, RBAC_RISKS.csrSigners))) return;
        for (const rule of rules) {
          const match = matchRisk(rule, RBAC_RISKS.csrApproval);
          if (match) context.report({ messageId: 'approve', data: { kind: object.kind, name: object.name ?? '', verbs: match.verbs.join(', ') }, at: rule.path });
        }
      },
    };
  },
});
