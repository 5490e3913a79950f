import { forbiddenPodField } from './templates/forbidden-pod-field.js';

/** `hostNetwork: yes` is true for the API server (YAML 1.1); a quoted "true" is a string it rejects, not a shared namespace. */
export default forbiddenPodField({
  field: 'hostNetwork',
  forbidden: (value) => value === true,
  messageId: 'hostNetwork',
  meta: {
    id: 'host-network',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    cis: '5.2.5',
    pss: { profile: 'baseline', control: 'Host Namespaces' },
    summary:
      "Pods must not use the node's network namespace (hostNetwork: true): they can then bind any node port, reach services listening on localhost and sniff the node's traffic.",
    remediation: 'Remove spec.hostNetwork or set it to false; expose the pod through a Service, or a hostPort if it really must answer on the node address.',
    messages: {
      hostNetwork: 'Pod shares the network namespace of the node (hostNetwork: true).',
    },
  },
});
