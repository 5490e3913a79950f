import { defineRule } from '../engine/define-rule.js';
import { isLongRunning } from '../k8s/views/probes.js';
import { runsToCompletion } from '../k8s/views/workload.js';

/**
 * Like Polaris, Checkov and kube-linter: every long-running container has a readiness probe, so traffic
 * waits until it can serve. kube-score asks only for pods a Service selects; kmlint asks everywhere,
 * since a Service may be added later and a manifest alone cannot tell. Run-to-completion kinds, classic
 * init containers and ephemeral containers are exempt.
 */
export default defineRule({
  meta: {
    id: 'missing-readiness-probe',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Long-running containers should have a readiness probe, so Services send traffic only to pods that can serve it; Jobs, CronJobs, classic init containers and ephemeral containers are exempt.',
    remediation: 'Add a readinessProbe that succeeds only when the container can serve requests.',
    messages: {
      missing: 'Container "{{container}}" has no readiness probe.',
    },
  },
  create(context) {
    return {
      container(container, _pod, object) {
        if (!isLongRunning(container) || runsToCompletion(object)) return;
        if (container.value.readinessProbe === undefined) {
          context.report({ messageId: 'missing', data: { container: container.name }, at: [...container.path, 'readinessProbe'], missing: true });
        }
      },
    };
  },
});
