import { defineRule } from '../engine/define-rule.js';
import { objectItems } from '../k8s/json.js';

/** As the reference: any hostPort but 0 (unset) fails; there is no site allow-list by default. */
export default defineRule({
  meta: {
    id: 'host-port',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    pss: { profile: 'baseline', control: 'Host Ports' },
    cis: '5.2.13',
    summary:
      'Containers must not bind a port of the node (ports[].hostPort): it exposes the pod on the node address past network policies and ties it to nodes where the port is free.',
    remediation: 'Remove ports[].hostPort and expose the pod through a Service.',
    messages: {
      hostPort: 'Container "{{container}}" binds port {{port}} of the node (hostPort).',
    },
  },
  create(context) {
    return {
      container(container) {
        for (const port of objectItems(container.value, ['ports'])) {
          const hostPort = port.value.hostPort;
          if (hostPort === undefined || hostPort === 0 || hostPort === null) continue;
          context.report({ messageId: 'hostPort', data: { container: container.name, port: String(hostPort) }, at: [...container.path, ...port.path, 'hostPort'] });
        }
      },
    };
  },
});
