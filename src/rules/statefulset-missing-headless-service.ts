import { defineRule } from '../engine/define-rule.js';
import { isString, stringAt } from '../k8s/json.js';
import { inputHoldsKind } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** What a StatefulSet naming a Service keeps until the index is complete. */
interface Watch {
  service: string;
  namespace: string;
  at: Location;
}

/**
 * As kube-score's statefulset-has-servicename: the pods of a StatefulSet get stable DNS names only through
 * the headless Service its serviceName names. A Service of that name with a cluster IP is reported too.
 * A namespace whose Services the input does not carry is skipped, unless the run is complete.
 */
export default defineRule<'missing' | 'notHeadless', Record<string, never>, Watch>({
  meta: {
    id: 'statefulset-missing-headless-service',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['apps/StatefulSet'],
    summary: "A StatefulSet's serviceName should name a headless Service (clusterIP: None) of its namespace, which gives its pods their stable DNS names.",
    remediation: 'Add a Service with clusterIP: None that selects the StatefulSet\'s pods and name it in spec.serviceName.',
    messages: {
      missing: 'StatefulSet "{{name}}" names Service "{{service}}", which is not in namespace "{{namespace}}".',
      notHeadless: 'StatefulSet "{{name}}" names Service "{{service}}", which is not headless (clusterIP: None).',
    },
  },
  create(context) {
    return {
      object(object) {
        const service = stringAt(object.value, ['spec', 'serviceName']);
        if (!isString(service) || service === '') return;
        context.watch({ service, namespace: object.namespace ?? context.settings.namespace, at: context.locate([...object.path, 'spec', 'serviceName']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { service, namespace, at } = watch.data;
      const found = index.get('Service', namespace, service, '');
      const data = { name: watch.record.name ?? '', service, namespace };
      if (!found) {
        if (inputHoldsKind(index, namespace, 'Service', '')) context.report({ messageId: 'missing', data, at }, watch);
      } else if (stringAt(found.value, ['spec', 'clusterIP']) !== 'None') {
        context.report({ messageId: 'notHeadless', data, at, related: [{ at: found.at, message: `Service "${service}"` }] }, watch);
      }
    }
  },
});
