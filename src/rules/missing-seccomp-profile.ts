import { defineRule } from '../engine/define-rule.js';
import { pssWindows } from '../k8s/pss.js';

/**
 * As the reference: each container needs a seccomp type, its own or the pod's. A bad type that is set is
 * seccomp-unconfined's finding, so this rule reports only the unset case; Windows pods are exempt.
 */
export default defineRule({
  meta: {
    id: 'missing-seccomp-profile',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'pss-restricted', 'cis'],
    pss: { profile: 'restricted', control: 'Seccomp' },
    cis: '5.7.2',
    summary:
      'Every container must run with a seccomp profile (seccompProfile.type RuntimeDefault or Localhost), set on the container or inherited from the pod; Windows pods are exempt.',
    remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod, which covers every container.',
    messages: {
      missing: 'Container "{{container}}" has no seccomp profile: seccompProfile.type is set neither on the container nor on the pod.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pssWindows(pod, context.settings.kubeVersion) || container.securityContext.seccompProfileType) return;
        context.report({ messageId: 'missing', data: { container: container.name }, at: [...container.path, 'securityContext', 'seccompProfile'], missing: true });
      },
    };
  },
});
