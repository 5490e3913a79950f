import { defineRule } from '../engine/define-rule.js';
import { listAt } from '../k8s/json.js';

export default defineRule({
  meta: {
    id: 'service-external-ips',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.5,
    presets: ['recommended'],
    tags: ['network'],
    kinds: ['services'],
    summary:
      'Services must not set spec.externalIPs: any address written there is captured by kube-proxy on every node, which lets a namespace user intercept traffic meant for that address (CVE-2020-8554).',
    remediation: 'Remove spec.externalIPs; publish the Service through a LoadBalancer or an Ingress, and block the field cluster-wide with the DenyServiceExternalIPs admission plugin.',
    messages: {
      externalIPs: 'Service "{{name}}" sets externalIPs ({{count}}): kube-proxy captures traffic to them on every node.',
    },
  },
  create(context) {
    return {
      object(object) {
        const ips = listAt(object.value, ['spec', 'externalIPs']);
        if (ips.length === 0) return;
        context.report({ messageId: 'externalIPs', data: { name: object.name ?? '', count: ips.length }, at: [...object.path, 'spec', 'externalIPs'] });
      },
    };
  },
});
