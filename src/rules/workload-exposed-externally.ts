import { defineRule, type RelatedLocation } from '../engine/define-rule.js';
import { isObject, isString } from '../k8s/json.js';
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import { mapSelectorMatches, type Labels } from '../k8s/selectors.js';
import { externalType, ingressServiceNames, routeServiceNames } from '../k8s/views/service.js';

/** Images of tools that must never face the internet unauthenticated (Kubescape's sensitive interfaces). */
const SENSITIVE = /(kubernetes-dashboard|kubernetesui\/dashboard|jupyter|argo(cd|-server|exec|proj\/argocli)|mlflow|kubeflow|jenkins|airflow|kibana|grafana|prometheus|alertmanager|elasticsearch|phpmyadmin|adminer)/i;

const ROUTES = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** What exposes pods with these labels: external Services selecting them, and Ingresses or routes to any Service selecting them. */
function exposuresOf(index: ObjectIndex, namespace: string, labels: Labels): RelatedLocation[] {
  const services = index.inNamespace(namespace).filter((service) => service.kind === 'Service' && service.group === '' && isObject(service.value.spec) && mapSelectorMatches(service.value.spec.selector, labels));
  const found: RelatedLocation[] = [];
  for (const service of services) {
    const type = externalType(service.value);
    if (type) found.push({ at: service.at, message: `Service "${service.name ?? ''}" of type ${type} selects these pods.` });
  }
  const names = new Set(services.map((service) => service.name));
  const routers: IndexedObject[] = [...index.ofKind('Ingress'), ...ROUTES.flatMap((kind) => index.ofKind(kind, 'gateway.networking.k8s.io'))];
  for (const router of routers) {
    if (router.namespace !== namespace) continue;
    // A route attached to a Service, not a Gateway (a mesh route), carries traffic inside the cluster only.
    if (router.kind !== 'Ingress' && !attachedToGateway(router.value)) continue;
    const targets = router.kind === 'Ingress' ? ingressServiceNames(router.value) : routeServiceNames(router.value);
    const service = [...targets].find((name) => names.has(name));
    if (service) found.push({ at: router.at, message: `${router.kind} "${router.name ?? ''}" routes outside traffic to Service "${service}", which selects these pods.` });
  }
  return found;
}

export default defineRule({
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
        const at = context.locate([...object.path, 'metadata', 'name'], { missing: true });
        const kept = context.hold({
          namespace: object.namespace ?? context.settings.namespace,
          pods: object.pods.map((pod) => ({
            labels: pod.labels,
            sensitive: pod.containers.map((container) => container.image).find((image): image is string => isString(image) && SENSITIVE.test(image)),
          })),
          data: { kind: object.kind, name: object.name ?? '' },
        });
        context.afterIndex((index) => {
          const { namespace, pods, data } = kept;
          for (const pod of pods) {
            const related = exposuresOf(index, namespace, pod.labels);
            if (related.length === 0) continue;
            if (pod.sensitive) context.report({ messageId: 'sensitive', data: { ...data, image: pod.sensitive }, at, related, level: 'warning' });
            else context.report({ messageId: 'exposed', data, at, related });
            return;
          }
        });
      },
    };
  },
});

function attachedToGateway(route: IndexedObject['value']): boolean {
  const refs = isObject(route.spec) && Array.isArray(route.spec.parentRefs) ? route.spec.parentRefs : [];
  return refs.some((ref) => isObject(ref) && (ref.kind === undefined || ref.kind === 'Gateway'));
}
