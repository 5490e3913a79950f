import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';
import { isUnder, normaliseNodePath } from '../k8s/views/host-path.js';

interface Options {
  allowedPaths: string[];
}

function isAllowed(nodePath: string, allowed: readonly string[]): boolean {
  const target = normaliseNodePath(nodePath);
  return allowed.some((prefix) => isUnder(target, normaliseNodePath(prefix)));
}

export default defineRule<'hostPath' | 'hostPathUnset', Options>({
  meta: {
    id: 'host-path-volume',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    cis: '5.2.12',
    pss: { profile: 'baseline', control: 'HostPath Volumes' },
    summary:
      'Pod specs must not mount directories of the node (hostPath volumes), which expose node files and credentials to the container and let it escape to the node; paths under an allowed prefix are accepted.',
    remediation:
      'Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, or a PersistentVolumeClaim, or add the node path to allowedPaths if the workload is a trusted node agent.',
    messages: {
      hostPath: 'Volume "{{volume}}" mounts the node path "{{path}}".',
      hostPathUnset: 'Volume "{{volume}}" is a hostPath volume without a path.',
    },
    options: {
      type: 'object',
      properties: {
        allowedPaths: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'Node paths that may be mounted, each with everything below it: "/var/log" allows "/var/log" and "/var/log/pods", not "/var/logs"; paths are normalised first, so "/var/log/../../etc" is not allowed.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedPaths: [] },
  },
  create(context) {
    const allowed = context.options.allowedPaths ?? [];
    return {
      podSpec(pod) {
        for (const volume of pod.volumes) {
          const hostPath: unknown = volume.value.hostPath;
          if (!isObject(hostPath)) continue;
          const volumeName = typeof volume.value.name === 'string' ? volume.value.name : `#${String(volume.path.at(-1))}`;
          const at = [...volume.path, 'hostPath'];
          const nodePath = hostPath.path;
          if (typeof nodePath !== 'string' || nodePath === '') {
            context.report({ messageId: 'hostPathUnset', data: { volume: volumeName }, at });
            continue;
          }
          if (isAllowed(nodePath, allowed)) continue;
          context.report({ messageId: 'hostPath', data: { volume: volumeName, path: nodePath }, at });
        }
      },
    };
  },
});
