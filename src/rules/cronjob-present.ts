import { defineRule } from '../engine/define-rule.js';
import { stringAt } from '../k8s/json.js';

/** Inventory (MITRE ATT&CK for Kubernetes: persistence through scheduled jobs); off unless enabled. */
export default defineRule({
  meta: {
    id: 'cronjob-present',
    category: 'security',
    level: 'note',
    securitySeverity: 1.0,
    presets: [],
    kinds: ['batch/CronJob'],
    summary: 'Lists CronJobs, a way for an intruder to keep running code in a cluster, so each one is known and reviewed.',
    remediation: 'Check that the CronJob is expected and owned; remove it otherwise.',
    messages: {
      cronJob: 'CronJob "{{name}}" runs on the schedule "{{schedule}}".',
    },
  },
  create(context) {
    return {
      object(object) {
        const schedule = stringAt(object.value, ['spec', 'schedule']) ?? '(none)';
        context.report({ messageId: 'cronJob', data: { name: object.name ?? '(unnamed)', schedule }, at: [...object.path, 'kind'] });
      },
    };
  },
});
