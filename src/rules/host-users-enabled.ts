import { defineRule } from '../engine/define-rule.js';

/** Windows pods cannot use user namespaces: they are skipped. */
export default defineRule({
  meta: {
    id: 'host-users-enabled',
    category: 'security',
    level: 'note',
    securitySeverity: 1.0,
    presets: [],
    summary: 'Pods should run in a user namespace (hostUsers: false), so root in the container is an unprivileged user on the node.',
    remediation: 'Set spec.hostUsers: false (nodes need Kubernetes 1.33 or later with user namespace support).',
    messages: {
      hostUsers: 'Pod shares the user namespace of the node (hostUsers is not false).',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        if (pod.isWindows || pod.userNamespace) return;
        const written = pod.podSecurity.hostUsers;
        context.report({ messageId: 'hostUsers', at: written ? written.path : [...pod.path, 'hostUsers'], missing: !written });
      },
    };
  },
});
