import { defineRule } from '../engine/define-rule.js';

export default defineRule({
  meta: {
    id: 'openshift-scc-privileged',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: [],
    tags: ['policy'],
    kinds: ['security.openshift.io/SecurityContextConstraints'],
    summary: 'OpenShift SecurityContextConstraints should not allow privileged containers: every service account the SCC is granted to may then run pods with full access to the node.',
    remediation: 'Set allowPrivilegedContainer: false, and grant a privileged SCC only to the few service accounts that need it.',
    messages: {
      privileged: 'SecurityContextConstraints "{{name}}" allows privileged containers.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.value.allowPrivilegedContainer === true) context.report({ messageId: 'privileged', data: { name: object.name ?? '' }, at: [...object.path, 'allowPrivilegedContainer'] });
      },
    };
  },
});
