import { defineRule } from '../engine/define-rule.js';
import { isString, objectItems } from '../k8s/json.js';

/** subPath mounts follow symbolic links the container can plant: the class of CVE-2021-25741. */
export default defineRule({
  meta: {
    id: 'subpath-volume-mount',
    category: 'security',
    level: 'note',
    securitySeverity: 4.0,
    presets: [],
    summary: 'Volume mounts with subPath or subPathExpr have let a container reach node files through symbolic links (CVE-2021-25741); note them where the node is not patched.',
    remediation: 'Mount the whole volume, or project only the needed keys (ConfigMap/Secret items), instead of using subPath.',
    messages: {
      subPath: 'Container "{{container}}" mounts "{{path}}" of volume "{{volume}}" with {{field}}.',
    },
  },
  create(context) {
    return {
      container(container) {
        for (const mount of objectItems(container.value, ['volumeMounts'])) {
          for (const field of ['subPath', 'subPathExpr']) {
            const path = mount.value[field];
            if (!isString(path) || path === '') continue;
            const volume = isString(mount.value.name) ? mount.value.name : '(unnamed)';
            context.report({ messageId: 'subPath', data: { container: container.name, path, volume, field }, at: [...container.path, ...mount.path, field] });
          }
        }
      },
    };
  },
});
