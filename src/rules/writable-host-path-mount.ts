import { defineRule } from '../engine/define-rule.js';
import { isString, objectItems } from '../k8s/json.js';
import { hostPathVolumes } from '../k8s/views/host-path.js';

/**
 * Judged per mount: one container may read what another writes. Opt-in (as in kube-linter): by default
 * host-path-volume already reports every hostPath volume as an error.
 */
export default defineRule({
  meta: {
    id: 'writable-host-path-mount',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: [],
    summary: 'Containers must mount hostPath volumes read-only (volumeMounts[].readOnly: true): a writable node path lets the container plant files the node or other pods trust.',
    remediation: 'Set readOnly: true on the volume mount, or replace the hostPath volume.',
    messages: {
      writable: 'Container "{{container}}" mounts the node path "{{path}}" (volume "{{volume}}") writable.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        const hostPaths = new Map(hostPathVolumes(pod).map((volume) => [volume.volume.name, volume.written]));
        for (const mount of objectItems(container.value, ['volumeMounts'])) {
          const volume = mount.value.name;
          if (!isString(volume) || !hostPaths.has(volume) || mount.value.readOnly === true) continue;
          const at = mount.value.readOnly === undefined ? [...container.path, ...mount.path] : [...container.path, ...mount.path, 'readOnly'];
          context.report({ messageId: 'writable', data: { container: container.name, path: hostPaths.get(volume)!, volume }, at });
        }
      },
    };
  },
});
