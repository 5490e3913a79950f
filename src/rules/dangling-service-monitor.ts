import { defineRule } from '../engine/define-rule.js';
import { isObject, isStringList, valueAt } from '../k8s/json.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../k8s/object-index.js';
import { LabelledTable, labelSelectorMatches } from '../k8s/selectors.js';
import { anyWorkloadSelected, anyWorkloadSelectedAnywhere, EVERY_NAMESPACE, templateLabelSets } from '../k8s/views/references.js';
import type { Location } from '../types.js';

/** The namespace where the control plane runs Services of its own (kube-dns, the schedulers' metrics). */
const CLUSTER_NAMESPACE = 'kube-system';

/** The API server's Service, which every cluster has in `default`. */
const API_SERVER_SERVICE_LABELS = { component: 'apiserver', provider: 'kubernetes' };

/** The namespaces a monitor's namespaceSelector names: its own by default, `any: true` for all of them. */
function namespacesOf(monitor: { value: IndexedObject['value'] }, own: string): string[] | 'any' {
  const selector = valueAt(monitor.value, ['spec', 'namespaceSelector']);
  if (!isObject(selector)) return [own];
  if (selector.any === true) return 'any';
  return isStringList(selector.matchNames) && selector.matchNames.length > 0 ? selector.matchNames : [own];
}

/** The run's Services by namespace (and all together) and label, built once per run. */
function servicesByLabel(index: ObjectIndex): LabelledTable<IndexedObject> {
  return index.ruleMemo('services-by-label', () => new LabelledTable(index.ofKind('Service', ''), (service) => [scopeKey(service.namespace), EVERY_NAMESPACE], (service) => [service.labels]));
}

/** Whether the input holds any target (a Service, or a pod template for a PodMonitor) in the namespaces watched. */
function holdsTargets(index: ObjectIndex, namespaces: readonly string[] | 'any', pods: boolean): boolean {
  const holds = (namespace: string | undefined) =>
    index.ruleMemo(`monitor-targets:${pods}:${namespace === undefined ? EVERY_NAMESPACE : scopeKey(namespace)}`, () =>
      (namespace === undefined ? index.all : index.inNamespace(namespace)).some((record) => (pods ? templateLabelSets(record).length > 0 : record.kind === 'Service' && record.group === '')),
    );
  return namespaces === 'any' ? holds(undefined) : namespaces.some(holds);
}

/**
 * What a monitor with a selector keeps until the index is complete: the namespace it lands in (its own, for
 * `namespacesOf`); the selector and namespaceSelector are read again from the record's value.
 */
interface Watch {
  namespace: string;
  at: Location;
}

/**
 * As kube-linter's dangling-servicemonitor: a prometheus-operator ServiceMonitor whose selector matches no
 * Service (a PodMonitor: no pod template) in the namespaces it looks at scrapes nothing. Unless the run is
 * complete, monitors are not judged when the input carries no target in those namespaces, when they watch
 * any namespace, or when they watch kube-system, where the control plane runs its own Services
 * (kube-prometheus monitors CoreDNS and the scheduler that way); the API server's `kubernetes` Service in
 * `default` always counts as present.
 */
export default defineRule<'noTargets', Record<string, never>, Watch>({
  meta: {
    id: 'dangling-service-monitor',
    category: 'reliability',
    level: 'note',
    presets: [],
    crossObject: true,
    kinds: ['monitoring.coreos.com/ServiceMonitor', 'monitoring.coreos.com/PodMonitor'],
    summary: "A ServiceMonitor's (or PodMonitor's) selector should match a Service (or pod template) in the namespaces it watches; otherwise Prometheus scrapes nothing.",
    remediation: 'Fix spec.selector or spec.namespaceSelector so they match the Services (or pods) to scrape.',
    messages: {
      noTargets: '{{kind}} "{{name}}" selects no {{targets}} in {{namespaces}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (!isObject(valueAt(object.value, ['spec', 'selector']))) return;
        context.watch({ namespace: object.namespace ?? context.settings.namespace, at: context.locate([...object.path, 'spec', 'selector']) });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const selector = valueAt(record.value, ['spec', 'selector']);
      const namespaces = namespacesOf(record, watch.data.namespace);
      const pods = record.kind === 'PodMonitor';
      const matches =
        namespaces === 'any'
          ? pods
            ? anyWorkloadSelectedAnywhere(index, selector)
            : servicesByLabel(index).selectsAny(EVERY_NAMESPACE, 'label', selector)
          : namespaces.some((namespace) => (pods ? anyWorkloadSelected(index, namespace, selector) : servicesByLabel(index).selectsAny(scopeKey(namespace), 'label', selector)));
      const apiServer = !pods && (namespaces === 'any' || namespaces.includes('default')) && labelSelectorMatches(selector, API_SERVER_SERVICE_LABELS);
      if (matches || apiServer || (!index.complete && (!holdsTargets(index, namespaces, pods) || namespaces === 'any' || namespaces.includes(CLUSTER_NAMESPACE)))) continue;
      const where = namespaces === 'any' ? 'any namespace' : `namespace ${namespaces.map((name) => `"${name}"`).join(', ')}`;
      context.report({ messageId: 'noTargets', data: { kind: record.kind, name: record.name ?? '', targets: pods ? 'pod template' : 'Service', namespaces: where }, at: watch.data.at }, watch);
    }
  },
});
