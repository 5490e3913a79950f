import { defineRule } from '../engine/define-rule.js';

/** Runtimes apply their default profile anyway on AppArmor nodes; writing it down makes that explicit and checked. */
export default defineRule({
  meta: {
    id: 'missing-apparmor-profile',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary: 'Containers should name an AppArmor profile (appArmorProfile on the container or pod, or the legacy annotation); Windows pods are skipped.',
    remediation: 'Set spec.securityContext.appArmorProfile.type: RuntimeDefault (or Localhost with a profile).',
    messages: {
      missing: 'Container "{{container}}" names no AppArmor profile.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        const { appArmorProfileType, appArmorAnnotation } = container.securityContext;
        if (pod.isWindows || appArmorProfileType || appArmorAnnotation) return;
        context.report({ messageId: 'missing', data: { container: container.name }, at: [...container.path, 'securityContext', 'appArmorProfile'], missing: true });
      },
    };
  },
});
