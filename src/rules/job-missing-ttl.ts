import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/**
 * As kube-linter's job-ttl-seconds-after-finished: a standalone Job without ttlSecondsAfterFinished stays
 * (with its pods) until someone deletes it; a CronJob's Jobs are cleaned by its history limits, and a TTL
 * in its job template competes with them.
 */
export default defineRule({
  meta: {
    id: 'job-missing-ttl',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['batch/Job', 'batch/CronJob'],
    summary:
      'Standalone Jobs should set ttlSecondsAfterFinished so finished Jobs and their pods are cleaned up; CronJobs should leave it unset in their job template, where it competes with the history limits.',
    remediation: 'Set spec.ttlSecondsAfterFinished on standalone Jobs; on CronJobs remove spec.jobTemplate.spec.ttlSecondsAfterFinished and use the history limits.',
    messages: {
      jobUnset: 'Job "{{name}}" does not set ttlSecondsAfterFinished: it stays after it finishes.',
      cronJobSet: 'CronJob "{{name}}" sets ttlSecondsAfterFinished in its job template, which competes with successfulJobsHistoryLimit and failedJobsHistoryLimit.',
    },
  },
  create(context) {
    return {
      object(object) {
        const name = object.name ?? '';
        if (object.kind === 'Job') {
          if (valueAt(object.value, ['spec', 'ttlSecondsAfterFinished']) !== undefined) return;
          if (Array.isArray(valueAt(object.value, ['metadata', 'ownerReferences']))) return;
          context.report({ messageId: 'jobUnset', data: { name }, at: [...object.path, 'spec', 'ttlSecondsAfterFinished'], missing: true });
        } else if (valueAt(object.value, ['spec', 'jobTemplate', 'spec', 'ttlSecondsAfterFinished']) !== undefined) {
          context.report({ messageId: 'cronJobSet', data: { name }, at: [...object.path, 'spec', 'jobTemplate', 'spec', 'ttlSecondsAfterFinished'] });
        }
      },
    };
  },
});
