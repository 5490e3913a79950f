import { RBAC_RISKS } from '../k8s/views/rbac-risks.js';
import { rbacRoleRule } from './templates/rbac-role-rule.js';

export default rbacRoleRule({
  risk: RBAC_RISKS.createPersistentVolume,
  messageId: 'createPersistentVolume',
  meta: {
    id: 'rbac-create-persistent-volume',
    category: 'security',
    level: 'note',
    securitySeverity: 5.0,
    presets: ['cis'],
    cis: '5.1.9',
    tags: ['rbac'],
    summary: 'Roles that may create PersistentVolumes can create hostPath volumes and mount any directory of a node, around the checks on pods.',
    remediation: 'Let only the storage provisioners create PersistentVolumes; users claim storage through PersistentVolumeClaims.',
    messages: {
      createPersistentVolume: '{{kind}} "{{name}}" grants create on PersistentVolumes.',
    },
  },
});
