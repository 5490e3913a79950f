import { defineRule } from '../engine/define-rule.js';

export default defineRule({
  meta: {
    id: 'no-capabilities-dropped',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary: 'Containers should drop at least some Linux capabilities (capabilities.drop not empty); Windows pods are skipped.',
    remediation: 'List the capabilities the process does not need in securityContext.capabilities.drop, best of all ALL.',
    messages: {
      none: 'Container "{{container}}" drops no capability.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pod.isWindows) return;
        const drop = container.securityContext.capabilitiesDrop;
        if (drop && drop.value.length > 0) return;
        const at = drop ? drop.path : [...container.path, 'securityContext', 'capabilities', 'drop'];
        context.report({ messageId: 'none', data: { container: container.name }, at, missing: !drop });
      },
    };
  },
});
