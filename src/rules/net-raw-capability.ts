import { defineRule } from '../engine/define-rule.js';
import { capabilityName, reportAddedCapabilities } from './templates/added-capability.js';

/**
 * NET_RAW is in the runtimes' default set: a container that neither drops it nor drops ALL can forge
 * packets (ARP and DNS spoofing on the node network). Windows pods have no Linux capabilities. Not in
 * recommended: there capability-added-beyond-baseline reports an added NET_RAW and
 * missing-drop-all-capabilities a container that keeps it, so this CIS view would only repeat them.
 */
export default defineRule({
  meta: {
    id: 'net-raw-capability',
    category: 'security',
    level: 'error',
    securitySeverity: 6.0,
    presets: ['cis'],
    cis: '5.2.8',
    summary:
      'Containers must not keep NET_RAW, which lets them forge packets on the pod network: error when it is added, warning when it is not dropped (drop NET_RAW or ALL).',
    remediation: 'Add NET_RAW (or ALL) to securityContext.capabilities.drop, and remove it from capabilities.add.',
    messages: {
      added: 'Container "{{container}}" adds the capability {{capability}}.',
      notDropped: 'Container "{{container}}" does not drop NET_RAW (or ALL): it can forge network packets.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pod.isWindows) return;
        const adds = (container.securityContext.capabilitiesAdd?.value ?? []).some((written) => capabilityName(written) === 'NET_RAW' || capabilityName(written) === 'ALL');
        if (adds) {
          reportAddedCapabilities(context, container, 'added', (written) => ['NET_RAW', 'ALL'].includes(capabilityName(written)));
          return;
        }
        const drop = container.securityContext.capabilitiesDrop;
        if (drop?.value.some((written) => ['NET_RAW', 'ALL'].includes(capabilityName(written)))) return;
        const at = drop ? drop.path : [...container.path, 'securityContext', 'capabilities', 'drop'];
        context.report({ messageId: 'notDropped', data: { container: container.name }, at, missing: !drop, level: 'warning' });
      },
    };
  },
});
