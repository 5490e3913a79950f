import { defineRule } from '../engine/define-rule.js';
import { RESTRICTED_FORBIDDEN_VOLUMES } from '../k8s/pss.js';

export default defineRule({
  meta: {
    id: 'restricted-volume-type',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['pss-restricted'],
    pss: { profile: 'restricted', control: 'Volume Types' },
    summary:
      'Pods must use only the volume types the Restricted profile allows (configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret); in-tree network and node volumes are mounted by the node with its rights.',
    remediation: 'Replace the volume with a PersistentVolumeClaim (the storage class then holds the storage details) or one of the allowed types.',
    messages: {
      volume: 'Volume "{{volume}}" is of type {{type}}, which the Restricted profile does not allow.',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        for (const volume of pod.volumes) {
          const type = RESTRICTED_FORBIDDEN_VOLUMES.find((candidate) => volume.value[candidate] !== undefined && volume.value[candidate] !== null);
          if (type) context.report({ messageId: 'volume', data: { volume: volume.name, type }, at: [...volume.path, type] });
        }
      },
    };
  },
});
