import { forbiddenPodField } from './templates/forbidden-pod-field.js';

export default forbiddenPodField({
  field: 'hostAliases',
  forbidden: (value) => Array.isArray(value) && value.length > 0,
  messageId: 'hostAliases',
  meta: {
    id: 'host-aliases',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary: 'Pods should not override name resolution with hostAliases, which writes entries into /etc/hosts that bypass DNS and can redirect traffic unnoticed.',
    remediation: 'Remove spec.hostAliases and publish the name in DNS (a Service, an ExternalName Service or the cluster DNS).',
    messages: {
      hostAliases: 'Pod writes its own /etc/hosts entries (hostAliases).',
    },
  },
});
