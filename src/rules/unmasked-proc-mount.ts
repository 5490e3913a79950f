import { defineRule } from '../engine/define-rule.js';
import { userNamespaceExempt } from '../k8s/pss.js';

/**
 * Two controls in one rule, as the reference: Baseline allows any procMount in a user namespace
 * (hostUsers: false, from 1.35), Restricted does not. The Restricted reading applies when the run
 * uses the pss-restricted preset.
 */
export default defineRule({
  meta: {
    id: 'unmasked-proc-mount',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: '/proc Mount Type' },
    pssAlso: [{ profile: 'restricted', control: '/proc Mount Type' }],
    summary:
      'Containers must keep the default masked /proc (procMount: Default): an Unmasked /proc exposes kernel interfaces; Baseline allows it in a user namespace (hostUsers: false, from 1.35), Restricted never.',
    remediation: 'Remove securityContext.procMount or set it to Default.',
    messages: {
      unmasked: 'Container "{{container}}" sets procMount: {{value}}: /proc is not masked.',
    },
  },
  create(context) {
    const restricted = context.settings.presets.includes('pss-restricted');
    return {
      container(container, pod) {
        const procMount = container.securityContext.procMount;
        if (!procMount || procMount.value === 'Default') return;
        if (!restricted && userNamespaceExempt(pod, context.settings.kubeVersion)) return;
        context.report({ messageId: 'unmasked', data: { container: container.name, value: procMount.value }, at: procMount.path });
      },
    };
  },
});
