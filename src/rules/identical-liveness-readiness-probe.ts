import { isDeepStrictEqual } from 'node:util';
import { defineRule } from '../engine/define-rule.js';

/**
 * As kube-score's pod-probes-identical: a liveness probe equal to the readiness probe restarts a container
 * that is merely busy (its readiness fails, then its liveness fails the same way), which turns overload
 * into a restart loop.
 */
export default defineRule({
  meta: {
    id: 'identical-liveness-readiness-probe',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'A container should not use the same probe for liveness and readiness: a busy container then fails both and is restarted instead of being taken out of rotation.',
    remediation: 'Make the liveness probe check only that the process is alive (a cheaper endpoint, a higher failureThreshold), and keep readiness for "can serve now".',
    messages: {
      identical: 'Container "{{container}}" uses the same probe for liveness and readiness.',
    },
  },
  create(context) {
    return {
      container(container) {
        const { livenessProbe, readinessProbe } = container.value;
        if (livenessProbe !== undefined && isDeepStrictEqual(livenessProbe, readinessProbe)) {
          context.report({ messageId: 'identical', data: { container: container.name }, at: [...container.path, 'livenessProbe'] });
        }
      },
    };
  },
});
