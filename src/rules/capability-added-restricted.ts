import { pssWindows, RESTRICTED_CAPABILITY } from '../k8s/pss.js';
import { addedCapabilityRule } from './templates/added-capability.js';

export default addedCapabilityRule(
  {
    id: 'capability-added-restricted',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['pss-restricted'],
    pss: { profile: 'restricted', control: 'Capabilities' },
    summary: 'Containers must not add any Linux capability but NET_BIND_SERVICE (the Restricted profile); Windows pods are exempt.',
    remediation: 'Remove every capability but NET_BIND_SERVICE from securityContext.capabilities.add.',
    messages: {
      added: 'Container "{{container}}" adds the capability {{capability}}; the Restricted profile allows only NET_BIND_SERVICE.',
    },
  },
  {
    forbidden: (written) => written !== RESTRICTED_CAPABILITY,
    skip: (pod, settings) => pssWindows(pod, settings.kubeVersion),
  },
);
