import { defineRule } from '../engine/define-rule.js';
import { externalType } from '../k8s/views/service.js';

/**
 * NodePort opens the port on every node, usually outside any firewall the team manages: a warning. A
 * LoadBalancer is the intended way to publish a service, so it is only a note to review.
 */
export default defineRule({
  meta: {
    id: 'exposed-service-type',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    tags: ['network'],
    kinds: ['services'],
    summary: 'Services of type NodePort open their port on every node of the cluster, and LoadBalancer Services publish it outside the cluster: expose services through an Ingress or Gateway, or restrict the sources.',
    remediation: 'Use type ClusterIP behind an Ingress or Gateway; for a LoadBalancer, set loadBalancerSourceRanges or an internal load-balancer annotation.',
    messages: {
      nodePort: 'Service "{{name}}" is of type NodePort: its port is open on every node of the cluster.',
      loadBalancer: 'Service "{{name}}" is of type LoadBalancer: its port is published outside the cluster.',
    },
  },
  create(context) {
    return {
      object(object) {
        const type = externalType(object.value);
        if (!type) return;
        const at = [...object.path, 'spec', 'type'];
        if (type === 'NodePort') context.report({ messageId: 'nodePort', data: { name: object.name ?? '' }, at });
        else context.report({ messageId: 'loadBalancer', data: { name: object.name ?? '' }, at, level: 'note' });
      },
    };
  },
});
