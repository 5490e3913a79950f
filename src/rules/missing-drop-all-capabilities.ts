import { defineRule } from '../engine/define-rule.js';
import { pssWindows } from '../k8s/pss.js';

/** As the reference: the drop list must hold the exact string ALL; Windows pods are exempt. */
export default defineRule({
  meta: {
    id: 'missing-drop-all-capabilities',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'pss-restricted', 'cis'],
    pss: { profile: 'restricted', control: 'Capabilities' },
    cis: '5.2.10',
    summary:
      'Containers must drop every Linux capability (capabilities.drop: [ALL]) and add back only what they need, so a compromised process keeps none of the runtime\'s defaults; Windows pods are exempt.',
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] on the container and add back only NET_BIND_SERVICE if it must bind low ports.',
    messages: {
      missing: 'Container "{{container}}" does not drop ALL capabilities.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pssWindows(pod, context.settings.kubeVersion)) return;
        const drop = container.securityContext.capabilitiesDrop;
        if (drop?.value.includes('ALL')) return;
        const at = drop ? drop.path : [...container.path, 'securityContext', 'capabilities', 'drop'];
        context.report({ messageId: 'missing', data: { container: container.name }, at, missing: !drop });
      },
    };
  },
});
