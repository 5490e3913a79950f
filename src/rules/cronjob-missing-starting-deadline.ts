import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';

/** As kube-score's cronjob-has-deadline: without a deadline, a controller that was down may start a run long after its time. */
export default defineRule({
  meta: {
    id: 'cronjob-missing-starting-deadline',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['batch/CronJob'],
    summary: 'CronJobs should set startingDeadlineSeconds, so a run that missed its schedule is skipped rather than started at any later time.',
    remediation: 'Set spec.startingDeadlineSeconds to how late a run may still start.',
    messages: {
      unset: 'CronJob "{{name}}" does not set startingDeadlineSeconds.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (valueAt(object.value, ['spec', 'startingDeadlineSeconds']) !== undefined) return;
        context.report({ messageId: 'unset', data: { name: object.name ?? '' }, at: [...object.path, 'spec', 'startingDeadlineSeconds'], missing: true });
      },
    };
  },
});
