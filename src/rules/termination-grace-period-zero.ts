import { defineRule } from '../engine/define-rule.js';

/**
 * `terminationGracePeriodSeconds: 0` makes the kubelet send SIGKILL at once: no preStop hook, no draining,
 * no flush to disk. The field is a pod-spec field only (probe-level overrides must be at least 1), so the
 * pod spec is the one place to look. A StatefulSet gets its own message: there a forced kill can lose data
 * and, with a force delete, run two pods with the same identity.
 */
export default defineRule<'zero' | 'zeroStateful'>({
  meta: {
    id: 'termination-grace-period-zero',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary: 'Pods should not set terminationGracePeriodSeconds to 0, which kills their containers without a chance to shut down cleanly.',
    remediation: 'Remove spec.terminationGracePeriodSeconds (30 seconds by default) or set it to the time the application needs to drain and stop.',
    messages: {
      zero: 'The pod sets terminationGracePeriodSeconds to 0: its containers are killed at once, with no preStop hook and no graceful shutdown.',
      zeroStateful:
        'StatefulSet "{{name}}" sets terminationGracePeriodSeconds to 0: its pods are killed at once, without flushing their data, which risks data loss.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        if (pod.spec.terminationGracePeriodSeconds !== 0) return;
        const at = [...pod.path, 'terminationGracePeriodSeconds'];
        if (object.kind === 'StatefulSet' && object.group === 'apps') context.report({ messageId: 'zeroStateful', data: { name: object.name ?? '' }, at });
        else context.report({ messageId: 'zero', at });
      },
    };
  },
});
