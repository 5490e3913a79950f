import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.awsAuth,
  messageId: 'awsAuth',
  meta: {
    id: 'rbac-eks-aws-auth',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['rbac'],
    summary: 'Roles that may change the aws-auth ConfigMap of EKS can map any IAM identity to system:masters and take over the cluster.',
    remediation: 'Remove write access to the aws-auth ConfigMap; manage cluster access through EKS access entries or the infrastructure pipeline.',
    messages: {
      awsAuth: '{{kind}} "{{name}}" grants {{verbs}} on the aws-auth ConfigMap.',
    },
  },
});
