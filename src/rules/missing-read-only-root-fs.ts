import { defineRule } from '../engine/define-rule.js';

/** readOnlyRootFilesystem is a container-only field; the API server forbids it on Windows pods, which are skipped. */
export default defineRule({
  meta: {
    id: 'missing-read-only-root-fs',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    summary:
      'Containers should mount their root filesystem read-only (readOnlyRootFilesystem: true), so an intruder cannot replace binaries or drop tools into the image; Windows pods are skipped.',
    remediation:
      'Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir volume wherever the process must write (for example /tmp).',
    messages: {
      writable: 'Container "{{container}}" sets readOnlyRootFilesystem: false.',
      unset: 'Container "{{container}}" does not set readOnlyRootFilesystem: true; its root filesystem is writable.',
    },
  },
  create(context) {
    return {
      container(container, pod) {
        if (pod.isWindows) return;
        const setting = container.securityContext.readOnlyRootFilesystem;
        if (setting?.value === true) return;
        const data = { container: container.name };
        if (setting) context.report({ messageId: 'writable', data, at: setting.path });
        else context.report({ messageId: 'unset', data, at: [...container.path, 'securityContext', 'readOnlyRootFilesystem'], missing: true });
      },
    };
  },
});
