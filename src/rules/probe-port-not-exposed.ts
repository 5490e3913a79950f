import { defineRule } from '../engine/define-rule.js';

interface Options {
  checkNumbers: boolean;
}
import { containerPorts, exposesPort, probePorts } from '../k8s/views/probes.js';

/**
 * As kube-linter's liveness-port, readiness-port and startup-port. A named port must be a TCP port of the
 * container (the kubelet cannot resolve it otherwise, and the probe always fails). A number must be among
 * the declared ports when the container declares any; a container that declares none may listen anywhere.
 */
export default defineRule<'unknownName' | 'unknownNumber', Options>({
  meta: {
    id: 'probe-port-not-exposed',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Liveness, readiness and startup probes should target a port the container exposes: a port name the container does not declare never resolves, and a number outside the declared ports (an option) may be a typo.',
    remediation: 'Point the probe at one of the container\'s ports (by name or number), or declare the port under ports[].',
    messages: {
      unknownName: 'The {{probe}} of container "{{container}}" targets port "{{port}}", which the container does not declare as a TCP port.',
      unknownNumber: 'The {{probe}} of container "{{container}}" targets port {{port}}, which is not among the ports the container declares.',
    },
    options: {
      type: 'object',
      properties: { checkNumbers: { type: 'boolean', description: 'Also report numeric probe ports that are not among the ports a container declares (as kube-linter does).' } },
      additionalProperties: false,
    },
    defaultOptions: { checkNumbers: false },
  },
  create(context) {
    return {
      container(container) {
        const ports = containerPorts(container);
        for (const probe of probePorts(container)) {
          if (exposesPort(ports, probe.port)) continue;
          const named = typeof probe.port === 'string' && !/^\d+$/.test(probe.port);
          if (!named && (!context.options.checkNumbers || ports.length === 0)) continue;
          const data = { probe: probe.probe, container: container.name, port: probe.port };
          context.report({ messageId: named ? 'unknownName' : 'unknownNumber', data, at: probe.path });
        }
      },
    };
  },
});
