import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { userNamespaceExempt } from '../k8s/pss.js';
import type { Path } from '../types.js';

function isWithin(path: Path, prefix: Path): boolean {
  return prefix.every((segment, index) => path[index] === segment);
}

/**
 * As the Pod Security Standards reference (PSA `runAsNonRoot`): the effective runAsNonRoot must be
 * true; the pod-level value covers containers that leave it unset; a non-zero runAsUser does not
 * satisfy the control (the message says so); a pod-level false fails even when every container overrides
 * it; a pod in a user namespace (`hostUsers: false`) is exempt from 1.35.
 */
export default defineRule({
  meta: {
    id: 'missing-run-as-non-root',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'pss-restricted', 'cis'],
    cis: '5.2.7',
    pss: { profile: 'restricted', control: 'Running as Non-root' },
    summary:
      'Every container must run with an effective runAsNonRoot: true (its own, or the pod-level value it inherits), so the kubelet refuses to start an image whose user is root; a non-zero runAsUser alone does not satisfy the Restricted profile, and pods with hostUsers: false are exempt.',
    remediation: 'Set securityContext.runAsNonRoot: true on the pod (or on each container), and run the image as a non-root user.',
    messages: {
      containerFalse: 'Container "{{container}}" sets runAsNonRoot: false.',
      podFalse: 'The pod sets runAsNonRoot: false, which {{containers}} inherit.',
      podFalseOverridden: 'The pod sets runAsNonRoot: false; every container overrides it, but the Restricted profile rejects the pod-level value.',
      unset: 'Container "{{container}}" may run as root: runAsNonRoot is set neither on the container nor on the pod.',
      unsetWithUser:
        'Container "{{container}}" runs as user {{user}} but does not set runAsNonRoot: true (on the container or the pod), which the Restricted profile requires.',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        if (userNamespaceExempt(pod, context.settings.kubeVersion)) return;
        const inheritingFalse: string[] = [];
        let podFalsePath: Path | undefined;
        for (const container of pod.containers) {
          const { runAsNonRoot, runAsUser } = container.securityContext;
          if (runAsNonRoot?.value === true) continue;
          if (runAsNonRoot) {
            if (isWithin(runAsNonRoot.path, container.path)) {
              context.report({ messageId: 'containerFalse', data: { container: container.name }, at: runAsNonRoot.path });
            } else {
              inheritingFalse.push(`"${container.name}"`);
              podFalsePath = runAsNonRoot.path;
            }
            continue;
          }
          const at = [...container.path, 'securityContext', 'runAsNonRoot'];
          if (runAsUser && runAsUser.value > 0) {
            context.report({ messageId: 'unsetWithUser', data: { container: container.name, user: runAsUser.value }, at, missing: true });
          } else {
            context.report({ messageId: 'unset', data: { container: container.name }, at, missing: true });
          }
        }
        // One finding for the pod-level value, not one per container on the same line.
        const podValue = valueAt(pod.spec, ['securityContext', 'runAsNonRoot']);
        if (!podFalsePath && podValue === false) context.report({ messageId: 'podFalseOverridden', at: [...pod.path, 'securityContext', 'runAsNonRoot'] });
        if (podFalsePath) {
          const containers = inheritingFalse.length === 1 ? `container ${inheritingFalse[0]}` : `containers ${inheritingFalse.join(', ')}`;
          context.report({ messageId: 'podFalse', data: { containers }, at: podFalsePath });
        }
      },
    };
  },
});
