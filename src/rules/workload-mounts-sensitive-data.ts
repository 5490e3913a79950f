import { defineRule } from '../engine/define-rule.js';
import { isObject, isString, objectItems } from '../k8s/json.js';

/** An inventory of what an attacker in the pod could read, for reviews; off unless enabled. */
export default defineRule({
  meta: {
    id: 'workload-mounts-sensitive-data',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary: 'Lists the Secrets, ConfigMaps and PersistentVolumeClaims a workload mounts (volumes and projected sources): the data an intruder in the pod can read.',
    remediation: 'Mount only the Secrets, ConfigMaps and claims the workload needs, and only the keys it reads (items).',
    messages: {
      mounted: 'Volume "{{volume}}" mounts {{what}} "{{name}}".',
    },
  },
  create(context) {
    const sources: readonly (readonly [string, string, string])[] = [
      ['secret', 'secretName', 'the Secret'],
      ['configMap', 'name', 'the ConfigMap'],
      ['persistentVolumeClaim', 'claimName', 'the PersistentVolumeClaim'],
    ];
    return {
      podSpec(pod) {
        for (const volume of pod.volumes) {
          for (const [type, key, what] of sources) {
            const source = volume.value[type];
            if (isObject(source)) context.report({ messageId: 'mounted', data: { volume: volume.name, what, name: isString(source[key]) ? source[key] : '(unnamed)' }, at: [...volume.path, type] });
          }
          for (const projected of objectItems(volume.value, ['projected', 'sources'])) {
            for (const [type, , what] of sources.slice(0, 2)) {
              const source = projected.value[type];
              if (isObject(source)) context.report({ messageId: 'mounted', data: { volume: volume.name, what, name: isString(source.name) ? source.name : '(unnamed)' }, at: [...volume.path, ...projected.path, type] });
            }
          }
        }
      },
    };
  },
});
