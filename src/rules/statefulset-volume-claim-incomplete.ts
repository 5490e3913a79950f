import { defineRule } from '../engine/define-rule.js';
import { isString, isStringList, objectItems, valueAt } from '../k8s/json.js';

/** As kubesec's VolumeClaimAccessModeReadWriteOnce and VolumeClaimRequestsStorage: each replica needs its own sized volume. */
export default defineRule({
  meta: {
    id: 'statefulset-volume-claim-incomplete',
    category: 'reliability',
    level: 'note',
    presets: [],
    kinds: ['apps/StatefulSet'],
    summary: 'StatefulSet volumeClaimTemplates should request storage and use a ReadWriteOnce (or ReadWriteOncePod) access mode, so each replica gets its own volume of a known size.',
    remediation: 'Set spec.resources.requests.storage and accessModes: [ReadWriteOnce] in each volumeClaimTemplate.',
    messages: {
      noStorage: 'Volume claim template "{{claim}}" requests no storage size.',
      sharedAccess: 'Volume claim template "{{claim}}" does not use ReadWriteOnce or ReadWriteOncePod.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const { value, path } of objectItems(object.value, ['spec', 'volumeClaimTemplates'])) {
          const claim = valueAt(value, ['metadata', 'name']);
          const data = { claim: isString(claim) ? claim : '' };
          const at = [...object.path, ...path];
          if (valueAt(value, ['spec', 'resources', 'requests', 'storage']) === undefined) context.report({ messageId: 'noStorage', data, at: [...at, 'spec', 'resources', 'requests', 'storage'], missing: true });
          const modes = valueAt(value, ['spec', 'accessModes']);
          if (!isStringList(modes) || !modes.some((mode) => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod')) {
            context.report({ messageId: 'sharedAccess', data, at: [...at, 'spec', 'accessModes'], missing: modes === undefined });
          }
        }
      },
    };
  },
});
