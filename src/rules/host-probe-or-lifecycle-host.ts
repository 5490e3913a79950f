import { defineRule } from '../engine/define-rule.js';
import { isString, valueAt } from '../k8s/json.js';
import { atLeast } from '../k8s/pss.js';

const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

/** A control of the Baseline profile from 1.34: the kubelet would connect wherever `host` points. */
export default defineRule({
  meta: {
    id: 'host-probe-or-lifecycle-host',
    category: 'security',
    level: 'error',
    securitySeverity: 5.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: 'Host Probes / Lifecycle Hooks' },
    summary:
      'Probes and lifecycle hooks must not set httpGet.host or tcpSocket.host: the kubelet would connect to that address from the node, reaching services the pod itself cannot (Baseline from Kubernetes 1.34).',
    remediation: 'Remove the host field so the kubelet checks the pod\'s own IP; send a Host header with httpGet.httpHeaders if a virtual host is needed.',
    messages: {
      host: 'Container "{{container}}" points its {{handler}} at host "{{host}}".',
    },
  },
  create(context) {
    return {
      container(container) {
        if (!atLeast(context.settings.kubeVersion, '1.34')) return;
        for (const handler of HANDLERS) {
          for (const action of ['httpGet', 'tcpSocket']) {
            const host = valueAt(container.value, [...handler, action, 'host']);
            if (!isString(host) || host === '') continue;
            context.report({ messageId: 'host', data: { container: container.name, handler: `${handler.join('.')}.${action}`, host }, at: [...container.path, ...handler, action, 'host'] });
          }
        }
      },
    };
  },
});
