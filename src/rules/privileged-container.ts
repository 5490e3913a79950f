import { defineRule } from '../engine/define-rule.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    cis: '5.2.2',
    pss: { profile: 'baseline', control: 'Privileged Containers' },
    summary: 'Containers must not run privileged: a privileged container has every capability and full access to the node.',
    remediation: 'Remove securityContext.privileged or set it to false; grant only the capabilities the process needs.',
    messages: {
      privileged: 'Container "{{container}}" runs privileged.',
    },
  },
  create(context) {
    return {
      container(container) {
        const privileged = container.securityContext.privileged;
        if (privileged?.value === true) {
          context.report({ messageId: 'privileged', data: { container: container.name }, at: privileged.path });
        }
      },
    };
  },
});
