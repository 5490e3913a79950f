import { containerPortRule } from './templates/container-port.js';

/** SSH is TCP: a UDP port 22 is something else. */
export default containerPortRule(
  {
    id: 'ssh-port-exposed',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    summary: 'Containers should not expose port 22 (SSH): a shell server in a container is a standing way in that bypasses the cluster\'s audit of exec.',
    remediation: 'Remove the SSH server from the image and use kubectl exec (audited) or an ephemeral debug container instead.',
    messages: {
      port: 'Container "{{container}}" exposes port {{port}} (SSH).',
    },
  },
  (port, item) => port === 22 && (item.protocol === undefined || item.protocol === 'TCP'),
);
