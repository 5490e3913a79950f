import { containerPortRule } from './templates/container-port.js';

export default containerPortRule(
  {
    id: 'privileged-container-port',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: [],
    summary: 'Containers should listen on ports of 1024 or more: binding a lower port needs root or NET_BIND_SERVICE inside the container.',
    remediation: 'Make the process listen on a port of 1024 or more and map the low port in the Service (port: 80, targetPort: 8080).',
    messages: {
      port: 'Container "{{container}}" listens on the privileged port {{port}}.',
    },
  },
  (port) => port > 0 && port < 1024,
);
