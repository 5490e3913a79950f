import { defineRule } from '../engine/define-rule.js';
import type { ContainerView } from '../k8s/model.js';
import { pssWindows } from '../k8s/pss.js';

/** `SYS_ADMIN`, `CAP_SYS_ADMIN` (what the API server itself looks for) or `ALL`, as the runtimes read them. */
function addsSysAdmin(container: ContainerView): boolean {
  const added = container.securityContext.capabilitiesAdd?.value ?? [];
  return added.some((capability) => {
    const name = capability.toUpperCase().replace(/^CAP_/, '');
    return name === 'SYS_ADMIN' || name === 'ALL';
  });
}

/**
 * allowPrivilegeEscalation exists only in the container's securityContext (the pod-level
 * PodSecurityContext has no such field), so there is nothing to inherit. Windows pods are exempt as the
 * reference exempts them: by spec.os.name, not by a node selector.
 */
export default defineRule({
  meta: {
    id: 'privilege-escalation-allowed',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-restricted', 'cis'],
    cis: '5.2.6',
    pss: { profile: 'restricted', control: 'Privilege Escalation' },
    summary:
      'Containers must set allowPrivilegeEscalation: false so a process cannot gain more privileges than its parent (setuid binaries, file capabilities); error when it is true or implied by privileged / SYS_ADMIN, warning when it is unset; Windows pods are exempt.',
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container (and drop privileged and SYS_ADMIN, which imply it).',
    messages: {
      allowed: 'Container "{{container}}" sets allowPrivilegeEscalation: true.',
      implied: 'Container "{{container}}" is {{reason}}, which always allows privilege escalation.',
      unset: 'Container "{{container}}" does not set allowPrivilegeEscalation: false; it defaults to true.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pssWindows(pod, context.settings.kubeVersion)) return;
        const setting = container.securityContext.allowPrivilegeEscalation;
        const data = { container: container.name };
        if (setting?.value === true) {
          context.report({ messageId: 'allowed', data, at: setting.path });
          return;
        }
        if (setting) return;
        const at = [...container.path, 'securityContext', 'allowPrivilegeEscalation'];
        const privileged = container.securityContext.privileged?.value === true;
        if (privileged || addsSysAdmin(container)) {
          const reason = privileged ? 'privileged' : 'granted CAP_SYS_ADMIN';
          context.report({ messageId: 'implied', data: { ...data, reason }, at, missing: true, level: 'error' });
          return;
        }
        context.report({ messageId: 'unset', data, at, missing: true, level: 'warning' });
      },
    };
  },
});
