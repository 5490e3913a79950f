import { defineRule } from '../engine/define-rule.js';
import { isObject, isString } from '../k8s/json.js';
import { isSafeSysctl } from '../k8s/pss.js';

/** The safe set grows with the Kubernetes version (the run's target version decides). */
export default defineRule({
  meta: {
    id: 'unsafe-sysctl',
    category: 'security',
    level: 'error',
    securitySeverity: 6.5,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: 'Sysctls' },
    summary:
      'Pods must set only the namespaced sysctls the Baseline profile calls safe for the target Kubernetes version; other sysctls can change the whole node or other pods.',
    remediation: 'Remove the sysctl from spec.securityContext.sysctls, or tune it on the node.',
    messages: {
      unsafe: 'The pod sets the sysctl "{{name}}", which is not safe for Kubernetes {{version}}.',
    },
  },
  create(context) {
    const version = context.settings.kubeVersion;
    return {
      podSpec(pod) {
        const sysctls = pod.podSecurity.sysctls;
        sysctls?.value.forEach((sysctl, index) => {
          const name = isObject(sysctl) && isString(sysctl.name) ? sysctl.name : '';
          if (!isSafeSysctl(name, version)) context.report({ messageId: 'unsafe', data: { name, version }, at: [...sysctls.path, index] });
        });
      },
    };
  },
});
