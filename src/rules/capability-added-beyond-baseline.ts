import { BASELINE_CAPABILITIES } from '../k8s/pss.js';
import { addedCapabilityRule } from './templates/added-capability.js';

/**
 * As the reference: the written name must be in the allowed set exactly (`CAP_CHOWN` is not `CHOWN` for
 * admission, so it fails too). The finer views (sys-admin-capability, dangerous-capability-added) are
 * opt-in so a capability is reported once by default.
 */
export default addedCapabilityRule(
  {
    id: 'capability-added-beyond-baseline',
    category: 'security',
    level: 'error',
    securitySeverity: 6.5,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    pss: { profile: 'baseline', control: 'Capabilities' },
    cis: '5.2.9',
    summary:
      'Containers must not add Linux capabilities outside the Baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
    remediation: 'Remove the capability from securityContext.capabilities.add; give the process only what the Baseline set allows.',
    messages: {
      added: 'Container "{{container}}" adds the capability {{capability}}, outside the Baseline set.',
    },
  },
  { forbidden: (written) => !BASELINE_CAPABILITIES.has(written) },
);
