import { defineRule, type RelatedLocation } from '../engine/define-rule.js';
import { MAX_RELATED } from '../engine/rule-report.js';
import { isObject, isString } from '../k8s/json.js';
import { type IndexedObject, type ObjectIndex, scopeKey } from '../k8s/object-index.js';
import { append } from '../k8s/multimap.js';
import { type Labels, SelectorTable } from '../k8s/selectors.js';
import { externalType, ingressServiceNames, routeServices } from '../k8s/views/service.js';
import type { Location } from '../types.js';

/** Images of tools that must never face the internet unauthenticated (Kubescape's sensitive interfaces). */
const SENSITIVE = /(kubernetes-dashboard|kubernetesui\/dashboard|jupyter|argo(cd|-server|exec|proj\/argocli)|mlflow|kubeflow|jenkins|airflow|kibana|grafana|prometheus|alertmanager|elasticsearch|phpmyadmin|adminer)/i;

const ROUTES = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/**
 * What exposes pods with these labels in the namespace, kept when more Services select them than a finding
 * lists (whatever they expose): copies of an app in one namespace (a repository of rendered manifests with no
 * namespace written) share one set of labels, which every copy's Services select, and a large run's records
 * share equal label sets.
 */
function exposuresOf(index: ObjectIndex, namespace: string, labels: Labels): RelatedLocation[] {
  const kept = index.ruleMemo('exposures-by-labels', () => new Map<Labels, Map<string, RelatedLocation[]>>());
  const known = kept.get(labels)?.get(namespace);
  if (known) return known;
  const services = servicesByPod(index).selecting(scopeKey(namespace), labels);
  const found = exposuresThrough(index, namespace, services);
  if (services.length > MAX_RELATED) {
    const byNamespace = kept.get(labels) ?? new Map<string, RelatedLocation[]>();
    kept.set(labels, byNamespace.set(namespace, found));
  }
  return found;
}

/** External Services among those selecting the pods, and Ingresses or routes to any of them. */
function exposuresThrough(index: ObjectIndex, namespace: string, services: readonly SelectingService[]): RelatedLocation[] {
  const found: RelatedLocation[] = [];
  for (const { service, type } of services) {
    if (type) found.push({ at: service.at, message: `Service "${service.name ?? ''}" of type ${type} selects these pods.` });
  }
  const keys = new Set(services.map(({ service }) => serviceKey(namespace, service.name ?? '')));
  const { routers, byService } = routersByService(index);
  const positions = new Set<number>();
  for (const key of keys) for (const position of byService.get(key) ?? []) positions.add(position);
  for (const position of [...positions].sort((a, b) => a - b)) {
    const { router, targets } = routers[position]!;
    const service = [...targets].find(([key]) => keys.has(key))?.[1];
    if (service) found.push({ at: router.at, message: `${router.kind} "${router.name ?? ''}" routes outside traffic to Service "${service}", which selects these pods.` });
  }
  return found;
}

interface SelectingService {
  service: IndexedObject;
  type: string | undefined;
}

/**
 * The Services of the run, each with its external type, looked up by the labels of the pods they select
 * (built once per run). The type is read here once: copies of a workload are selected by every copy of its
 * Service, and a large run reads a record's value back from disk on each use.
 */
function servicesByPod(index: ObjectIndex): SelectorTable<SelectingService> {
  return index.ruleMemo('services-by-pod', () => {
    const services = index.ofKind('Service', '').map((service) => {
      const value = service.value;
      // Copies of an app repeat its selectors: the table's shared copy of each set, not the value's.
      const selector = isObject(value.spec) && isObject(value.spec.selector) ? index.strings.entries(value.spec.selector) : undefined;
      return { service, type: externalType(value), selector };
    });
    return new SelectorTable(services, ({ service }) => scopeKey(service.namespace), ({ selector }) => selector, 'map');
  });
}

/** A Service by namespace and name, as the routers' table keys them. */
function serviceKey(namespace: string | undefined, name: string): string {
  return `${scopeKey(namespace)}\u0000${name}`;
}

/**
 * Ingresses and Gateway routes that carry outside traffic, in a fixed order, with the Services they send to
 * (keyed by namespace and name, with the name) and their positions by Service; built once per run.
 */
function routersByService(index: ObjectIndex): { routers: { router: IndexedObject; targets: Map<string, string> }[]; byService: Map<string, number[]> } {
  return index.ruleMemo('routers-by-service', () => {
    const routers: { router: IndexedObject; targets: Map<string, string> }[] = [];
    const byService = new Map<string, number[]>();
    for (const router of [...index.ofKind('Ingress'), ...ROUTES.flatMap((kind) => index.ofKind(kind, 'gateway.networking.k8s.io'))]) {
      const value = router.value;
      // A route attached to a Service, not a Gateway (a mesh route), carries traffic inside the cluster only.
      if (router.kind !== 'Ingress' && !attachedToGateway(value)) continue;
      // An Ingress reaches Services of its own namespace; a route's backendRef may name another.
      const services = router.kind === 'Ingress' ? [...ingressServiceNames(value)].map((name) => ({ name, namespace: router.namespace })) : routeServices(value, router.namespace);
      const targets = new Map(services.map(({ name, namespace }) => [serviceKey(namespace, name), name]));
      const position = routers.push({ router, targets }) - 1;
      for (const key of targets.keys()) append(byService, key, position);
    }
    return { routers, byService };
  });
}

/**
 * What a workload keeps until the index is complete: per pod spec (in the record's order), the image of an
 * administration interface it runs, if any; the pod labels are read from the record.
 */
interface Watch {
  namespace: string;
  sensitive: (string | undefined)[];
  at: Location;
}

export default defineRule<'exposed' | 'sensitive', Record<string, never>, Watch>({
  meta: {
    id: 'workload-exposed-externally',
    category: 'security',
    level: 'note',
    securitySeverity: 4.0,
    presets: [],
    tags: ['network'],
    kinds: ['workloads'],
    crossObject: true,
    summary:
      'Lists the workloads that a NodePort or LoadBalancer Service, an Ingress or a Gateway route exposes outside the cluster; a warning when the workload runs an administration interface (dashboards, notebooks, CI, monitoring).',
    remediation: 'Keep the workload behind authentication (an authenticating proxy, the Ingress\'s auth settings) or expose it inside the cluster only.',
    messages: {
      exposed: '{{kind}} "{{name}}" is reachable from outside the cluster.',
      sensitive: '{{kind}} "{{name}}" runs {{image}}, an administration interface, and is reachable from outside the cluster.',
    },
  },
  create(context) {
    return {
      object(object) {
        // A workload without a pod spec selects nothing to expose.
        if (object.pods.length === 0) return;
        context.watch({
          namespace: object.namespace ?? context.settings.namespace,
          sensitive: object.pods.map((pod) => pod.containers.map((container) => container.image).find((image): image is string => isString(image) && SENSITIVE.test(image))),
          at: context.locate([...object.path, 'metadata', 'name'], { missing: true }),
        });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, sensitive, at } = watch.data;
      const data = { kind: record.kind, name: record.name ?? '' };
      // The first pod spec that something exposes decides; the record's pods are the object's, in order.
      for (const [position, pod] of record.pods.entries()) {
        const related = exposuresOf(index, namespace, pod.labels);
        if (related.length === 0) continue;
        const image = sensitive[position];
        if (image) context.report({ messageId: 'sensitive', data: { ...data, image }, at, related, level: 'warning' }, watch);
        else context.report({ messageId: 'exposed', data, at, related }, watch);
        break;
      }
    }
  },
});

function attachedToGateway(route: IndexedObject['value']): boolean {
  const refs = isObject(route.spec) && Array.isArray(route.spec.parentRefs) ? route.spec.parentRefs : [];
  return refs.some((ref) => isObject(ref) && (ref.kind === undefined || ref.kind === 'Gateway'));
}
