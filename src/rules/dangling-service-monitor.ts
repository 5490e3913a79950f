import { defineRule } from '../engine/define-rule.js';
import { isObject, isStringList, valueAt } from '../k8s/json.js';
import { labelSelectorMatches } from '../k8s/selectors.js';
import { templateLabelSets } from '../k8s/views/references.js';
import type { IndexedObject } from '../k8s/object-index.js';

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

/**
 * As kube-linter's dangling-servicemonitor: a prometheus-operator ServiceMonitor whose selector matches no
 * Service (a PodMonitor: no pod template) in the namespaces it looks at scrapes nothing. Unless the run is
 * complete, monitors are not judged when the input carries no target in those namespaces, when they watch
 * any namespace, or when they watch kube-system, where the control plane runs its own Services
 * (kube-prometheus monitors CoreDNS and the scheduler that way); the API server's `kubernetes` Service in
 * `default` always counts as present.
 */
export default defineRule({
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
        const selector = valueAt(object.value, ['spec', 'selector']);
        if (!isObject(selector)) return;
        const namespaces = namespacesOf(object, object.namespace ?? context.settings.namespace);
        const pods = object.kind === 'PodMonitor';
        const at = context.locate([...object.path, 'spec', 'selector']);
        const kept = context.hold({ namespaces });
        context.afterIndex((index) => {
          const { namespaces } = kept;
          const inScope = (record: IndexedObject) => namespaces === 'any' || (record.namespace !== undefined && namespaces.includes(record.namespace));
          const targets = index.all.filter((record) => inScope(record) && (pods ? templateLabelSets(record).length > 0 : record.kind === 'Service' && record.group === ''));
          const matches = pods ? targets.some((record) => templateLabelSets(record).some((labels) => labelSelectorMatches(selector, labels))) : targets.some((record) => labelSelectorMatches(selector, record.labels));
          const apiServer = !pods && (namespaces === 'any' || namespaces.includes('default')) && labelSelectorMatches(selector, API_SERVER_SERVICE_LABELS);
          if (matches || apiServer || (!index.complete && (targets.length === 0 || namespaces === 'any' || namespaces.includes(CLUSTER_NAMESPACE)))) return;
          const where = namespaces === 'any' ? 'any namespace' : `namespace ${namespaces.map((name) => `"${name}"`).join(', ')}`;
          context.report({ messageId: 'noTargets', data: { kind: object.kind, name: object.name ?? '', targets: pods ? 'pod template' : 'Service', namespaces: where }, at });
        });
      },
    };
  },
});
