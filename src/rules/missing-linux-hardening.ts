import { defineRule } from '../engine/define-rule.js';

/** Any one of the four kernel-level guards counts (as Polaris decides); Windows pods are skipped. */
export default defineRule({
  meta: {
    id: 'missing-linux-hardening',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: [],
    summary: 'Containers should use at least one Linux hardening mechanism: a seccomp profile, SELinux options, an AppArmor profile or dropped capabilities.',
    remediation: 'Set seccompProfile.type: RuntimeDefault on the pod and capabilities.drop: [ALL] on each container.',
    messages: {
      missing: 'Container "{{container}}" uses no seccomp profile, SELinux options, AppArmor profile or dropped capability.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        const sc = container.securityContext;
        if (pod.isWindows || sc.seccompProfileType || sc.seLinuxOptions || sc.appArmorProfileType || sc.appArmorAnnotation || (sc.capabilitiesDrop?.value.length ?? 0) > 0) return;
        context.report({ messageId: 'missing', data: { container: container.name }, at: [...container.path, 'securityContext'], missing: true });
      },
    };
  },
});
