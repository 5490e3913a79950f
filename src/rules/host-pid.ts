import { forbiddenPodField } from './templates/forbidden-pod-field.js';

/** `hostPID: yes` is true for the API server (YAML 1.1); a quoted "true" is a string it rejects, not a shared namespace. */
export default forbiddenPodField({
  field: 'hostPID',
  forbidden: (value) => value === true,
  messageId: 'hostPID',
  meta: {
    id: 'host-pid',
    category: 'security',
    level: 'error',
    securitySeverity: 8.5,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    cis: '5.2.3',
    pss: { profile: 'baseline', control: 'Host Namespaces' },
    summary:
      "Pods must not use the node's process namespace (hostPID: true): they can then see and signal every process on the node and read their environment.",
    remediation: 'Remove spec.hostPID or set it to false; use shareProcessNamespace to share processes between the containers of one pod.',
    messages: {
      hostPID: 'Pod shares the process namespace of the node (hostPID: true).',
    },
  },
});
