import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.nodesProxy,
  messageId: 'nodesProxy',
  meta: {
    id: 'rbac-nodes-proxy',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '5.1.10',
    tags: ['rbac'],
    summary: 'Roles must not grant access to nodes/proxy: it reaches the kubelet API directly, which runs commands in any pod of the node without audit or admission.',
    remediation: 'Remove nodes/proxy from the role; read node metrics through the metrics API instead.',
    messages: {
      nodesProxy: '{{kind}} "{{name}}" grants {{verbs}} on nodes/proxy.',
    },
  },
});
