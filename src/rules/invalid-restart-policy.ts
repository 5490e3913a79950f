import { defineRule } from '../engine/define-rule.js';
import { isString } from '../k8s/json.js';
import { isReplicated } from '../k8s/views/workload.js';

/** Controllers that keep pods running: the API server accepts only Always for their templates. */
const LONG_RUNNING = new Set(['apps/DaemonSet', 'extensions/DaemonSet']);
const RUN_TO_COMPLETION = new Set(['batch/Job', 'batch/CronJob']);

/**
 * The API server's own rule, which kube-linter's restart-policy and kube-score's cronjob-restartpolicy
 * approximate: Deployments, StatefulSets, ReplicaSets, ReplicationControllers and DaemonSets need Always;
 * Jobs and CronJobs need OnFailure or Never. A bare Pod may use any policy.
 */
export default defineRule({
  meta: {
    id: 'invalid-restart-policy',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      "A pod template's restartPolicy should fit its controller: Always for Deployments, StatefulSets, ReplicaSets and DaemonSets, OnFailure or Never for Jobs and CronJobs (the API server rejects the others).",
    remediation: 'Remove restartPolicy from long-running workloads (it defaults to Always); use OnFailure or Never for Jobs and CronJobs.',
    messages: {
      mustBeAlways: '{{kind}} pods must restart Always; restartPolicy {{policy}} is rejected.',
      mustComplete: '{{kind}} pods must use restartPolicy OnFailure or Never, not {{policy}}.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const key = `${object.group}/${object.kind}`;
        const policy = pod.spec.restartPolicy;
        const at = [...pod.path, 'restartPolicy'];
        if (RUN_TO_COMPLETION.has(key)) {
          if (policy === undefined || (isString(policy) && policy !== 'OnFailure' && policy !== 'Never')) {
            context.report({ messageId: 'mustComplete', data: { kind: object.kind, policy: isString(policy) ? policy : 'Always (the default)' }, at, missing: policy === undefined });
          }
        } else if ((isReplicated(object) || LONG_RUNNING.has(key)) && isString(policy) && policy !== 'Always') {
          context.report({ messageId: 'mustBeAlways', data: { kind: object.kind, policy }, at });
        }
      },
    };
  },
});
