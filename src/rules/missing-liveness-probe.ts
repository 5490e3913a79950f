import { defineRule } from '../engine/define-rule.js';
import { isLongRunning } from '../k8s/views/probes.js';
import { runsToCompletion } from '../k8s/views/workload.js';

interface Options {
  requireStartupProbe: boolean;
}

/**
 * Like Polaris, kube-score and Checkov: every long-running container (app containers and sidecars) has a
 * liveness probe. Jobs, CronJobs and other run-to-completion kinds, classic init containers and ephemeral
 * containers are exempt. A startup probe for slow starters is an option, because only the team knows
 * which containers start slowly.
 */
export default defineRule<'missing' | 'noStartupProbe', Options>({
  meta: {
    id: 'missing-liveness-probe',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Long-running containers should have a liveness probe, so the kubelet restarts a container that hangs; Jobs, CronJobs, classic init containers and ephemeral containers are exempt, and a startup probe can be required as well.',
    remediation: 'Add a livenessProbe (httpGet, tcpSocket, grpc or exec) that fails only when the process must be restarted.',
    messages: {
      missing: 'Container "{{container}}" has no liveness probe.',
      noStartupProbe: 'Container "{{container}}" has a liveness probe but no startup probe, so a slow start can be killed as a hang.',
    },
    options: {
      type: 'object',
      properties: {
        requireStartupProbe: { type: 'boolean', description: 'Also require a startupProbe on containers that have a liveness probe (for slow starters).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { requireStartupProbe: false },
  },
  create(context) {
    return {
      container(container, _pod, object) {
        if (!isLongRunning(container) || runsToCompletion(object)) return;
        if (container.value.livenessProbe === undefined) {
          context.report({ messageId: 'missing', data: { container: container.name }, at: [...container.path, 'livenessProbe'], missing: true });
        } else if (context.options.requireStartupProbe && container.value.startupProbe === undefined) {
          context.report({ messageId: 'noStartupProbe', data: { container: container.name }, at: [...container.path, 'livenessProbe'] });
        }
      },
    };
  },
});
