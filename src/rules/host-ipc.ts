import { forbiddenPodField } from './templates/forbidden-pod-field.js';

/** `hostIPC: yes` is true for the API server (YAML 1.1); a quoted "true" is a string it rejects, not a shared namespace. */
export default forbiddenPodField({
  field: 'hostIPC',
  forbidden: (value) => value === true,
  messageId: 'hostIPC',
  meta: {
    id: 'host-ipc',
    category: 'security',
    level: 'error',
    securitySeverity: 7.5,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    cis: '5.2.4',
    pss: { profile: 'baseline', control: 'Host Namespaces' },
    summary:
      "Pods must not use the node's IPC namespace (hostIPC: true): they can then read and write the shared memory of every process on the node.",
    remediation: 'Remove spec.hostIPC or set it to false; share memory between the containers of one pod through an emptyDir volume with medium: Memory.',
    messages: {
      hostIPC: 'Pod shares the IPC namespace of the node (hostIPC: true).',
    },
  },
});
