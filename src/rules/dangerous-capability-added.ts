import { addedCapabilityRule, capabilityName } from './templates/added-capability.js';

/** Kubescape's list plus SYS_ADMIN, which sys-admin-capability also reports with its own severity. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SETPCAP']);

export default addedCapabilityRule(
  {
    id: 'dangerous-capability-added',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: [],
    summary:
      'Containers must not add capabilities that open a way to the node: ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE or SETPCAP.',
    remediation: 'Remove the capability from securityContext.capabilities.add; find a narrower way to give the process what it needs.',
    messages: {
      added: 'Container "{{container}}" adds the dangerous capability {{capability}}.',
    },
  },
  { forbidden: (written) => DANGEROUS.has(capabilityName(written)) },
);
