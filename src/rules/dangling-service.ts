import { defineRule } from '../engine/define-rule.js';
import { isObject, isStringMap } from '../k8s/json.js';
import { anyWorkloadSelectedByMap, inputHoldsTemplates, operatorMayCreatePods, withoutControllerLabels } from '../k8s/views/references.js';

/**
 * As kube-linter's dangling-service and kube-score's service-targets-pod: a Service selector that matches
 * no pod template of its namespace sends traffic nowhere. Services without a selector (endpoints managed
 * elsewhere) and ExternalName Services are skipped; labels that controllers add to pods (a StatefulSet pod's
 * name) are not looked for in templates. Unless the run is complete, nothing is judged in a namespace where
 * the input holds no pod template (a partial input) or where an operator may create the pods.
 */
export default defineRule({
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
        const selector = isObject(object.value.spec) ? object.value.spec.selector : undefined;
        // A selector with non-string values is a schema error (often an unrendered template), not a dangling one.
        if (!isStringMap(selector) || Object.keys(selector).length === 0 || (isObject(object.value.spec) && object.value.spec.type === 'ExternalName')) return;
        const written = withoutControllerLabels(selector);
        const namespace = object.namespace ?? context.settings.namespace;
        const at = context.locate([...object.path, 'spec', 'selector']);
        const data = { name: object.name ?? '', namespace, selector: Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(', ') };
        const kept = context.hold({ written, namespace, data });
        context.afterIndex((index) => {
          const { written, namespace, data } = kept;
          if (Object.keys(written).length === 0 || anyWorkloadSelectedByMap(index, namespace, written)) return;
          if (!inputHoldsTemplates(index, namespace) || operatorMayCreatePods(index, namespace)) return;
          context.report({ messageId: 'noPods', data, at });
        });
      },
    };
  },
});
