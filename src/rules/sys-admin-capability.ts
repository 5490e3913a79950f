import { addedCapabilityRule, capabilityName } from './templates/added-capability.js';

export default addedCapabilityRule(
  {
    id: 'sys-admin-capability',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: [],
    summary:
      'Containers must not add SYS_ADMIN (or ALL), which is close to running privileged: mounts, namespaces, BPF and many kernel interfaces become reachable.',
    remediation: 'Remove SYS_ADMIN and ALL from securityContext.capabilities.add; grant the narrow capability the process needs.',
    messages: {
      added: 'Container "{{container}}" adds {{capability}}: with CAP_SYS_ADMIN it can mount filesystems and reach most kernel interfaces.',
    },
  },
  { forbidden: (written) => ['SYS_ADMIN', 'ALL'].includes(capabilityName(written)) },
);
