import { defineRule } from '../engine/define-rule.js';
import { isObject, isStringMap } from '../k8s/json.js';
import { anyWorkloadSelectedByMap, inputHoldsTemplates, operatorMayCreatePods, withoutControllerLabels } from '../k8s/views/references.js';
import type { JsonObject, Location } from '../types.js';

/** What a Service with a selector keeps until the index is complete (the selector is read from the record). */
interface Watch {
  namespace: string;
  at: Location;
}

/**
 * As kube-linter's dangling-service and kube-score's service-targets-pod: a Service selector that matches
 * no pod template of its namespace sends traffic nowhere. Services without a selector (endpoints managed
 * elsewhere) and ExternalName Services are skipped; labels that controllers add to pods (a StatefulSet pod's
 * name) are not looked for in templates. Unless the run is complete, nothing is judged in a namespace where
 * the input holds no pod template (a partial input) or where an operator may create the pods.
 */
export default defineRule<'noPods', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-service',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['services'],
    summary: "A Service's selector should match the pod template of some workload in its namespace; otherwise the Service has no endpoints.",
    remediation: 'Fix the selector (or the workload\'s template labels) so they match, or remove the Service.',
    messages: {
      noPods: 'Service "{{name}}" selects no pods: no pod template in namespace "{{namespace}}" has the labels {{selector}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        const selector = selectorOf(object.value);
        // A selector with non-string values is a schema error (often an unrendered template), not a dangling one.
        if (!selector || Object.keys(selector).length === 0 || (isObject(object.value.spec) && object.value.spec.type === 'ExternalName')) return;
        // A selector of controller labels only is not looked for in templates.
        if (Object.keys(withoutControllerLabels(selector)).length === 0) return;
        context.watch({ namespace: object.namespace ?? context.settings.namespace, at: context.locate([...object.path, 'spec', 'selector']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, at } = watch.data;
      const selector = selectorOf(record.value) ?? {};
      if (anyWorkloadSelectedByMap(index, namespace, withoutControllerLabels(selector))) continue;
      if (!inputHoldsTemplates(index, namespace) || operatorMayCreatePods(index, namespace)) continue;
      const data = { name: record.name ?? '', namespace, selector: Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(', ') };
      context.report({ messageId: 'noPods', data, at }, watch);
    }
  },
});

/** The Service's selector when it is a map of strings. */
function selectorOf(service: JsonObject): Record<string, string> | undefined {
  const selector = isObject(service.spec) ? service.spec.selector : undefined;
  return isStringMap(selector) ? selector : undefined;
}
