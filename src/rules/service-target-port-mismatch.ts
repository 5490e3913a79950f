import { defineRule, type RelatedLocation } from '../engine/define-rule.js';
import { isNumber, isObject, isString, objectItems } from '../k8s/json.js';
import { containerPorts, exposesPort } from '../k8s/views/probes.js';
import { podsSelectedByMap, someRelated, type PodMatch } from '../k8s/views/references.js';
import type { JsonObject, JsonValue } from '../k8s/model.js';
import type { ObjectIndex } from '../k8s/object-index.js';
import { runsForPodLife } from '../k8s/resources.js';
import { POD_CONTAINER_LISTS } from '../k8s/workloads.js';
import type { Location, Path } from '../types.js';

interface Options {
  checkNumbers: boolean;
}

/** What each port of a Service with a selector keeps until the index is complete (the selector is read from the record). */
interface Watch {
  namespace: string;
  target: string | number;
  protocol: string;
  at: Location;
}

/** Containers whose ports serve traffic: app containers, and native sidecars (init containers that restart always). */
function servingContainers(spec: JsonObject): { value: JsonObject; path: Path }[] {
  return POD_CONTAINER_LISTS.flatMap(({ key, role }) => [...objectItems(spec, [key])].filter((container) => runsForPodLife(role, container.value)));
}

/** Past this many pods a selection is kept for the Services that repeat its selector. */
const MANY_PODS = 32;

/**
 * The pods a Service's selector selects. A selection of many is kept through the check: copies of an app in one
 * namespace repeat the selector, and listing every copy's pods for every copy's Service grew with the square of
 * the copies (20 of the 47 seconds of the checks across files at 200,000 documents).
 */
function selectedPods(index: ObjectIndex, namespace: string | undefined, selector: JsonValue | undefined): readonly PodMatch[] {
  const kept = index.ruleMemo('target-port:many-pods', () => new Map<string, readonly PodMatch[]>());
  const key = JSON.stringify([namespace, selector]);
  const known = kept.get(key);
  if (known) return known;
  const matches = podsSelectedByMap(index, namespace, selector);
  if (matches.length > MANY_PODS) kept.set(key, matches);
  return matches;
}

/**
 * A Service port's targetPort (its `port` when unset) must be a port the selected pods expose: a name must
 * be a declared port name of some container (or no endpoint gets that port). Declared ports are
 * informational and traffic reaches undeclared numbers, so numbers are checked only with `checkNumbers`,
 * against pods that declare ports at all. Only Services that select pods of the input are checked.
 */
export default defineRule<'noSuchPort', Options, Watch>({
  meta: {
    id: 'service-target-port-mismatch',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    crossObject: true,
    kinds: ['services'],
    summary: "A Service's targetPort (a name or a number) should be a port that a container of the selected pods exposes; a port name no container declares gives the Service no working endpoint.",
    remediation: 'Use the name or number of a container port of the selected pods, or declare that port on the container.',
    messages: {
      noSuchPort: 'Service "{{name}}" targets port {{port}}, which no container of the pods it selects exposes.',
    },
    options: {
      type: 'object',
      properties: { checkNumbers: { type: 'boolean', description: 'Also report numeric target ports that no container of the selected pods declares.' } },
      additionalProperties: false,
    },
    defaultOptions: { checkNumbers: false },
  },
  create(context) {
    return {
      object(object) {
        const spec = isObject(object.value.spec) ? object.value.spec : undefined;
        const selector = spec?.selector;
        if (!isObject(selector) || Object.keys(selector).length === 0) return;
        const namespace = object.namespace ?? context.settings.namespace;
        for (const { value, path } of objectItems(object.value, ['spec', 'ports'])) {
          const written = value.targetPort !== undefined;
          const target = written ? value.targetPort : value.port;
          if (!isString(target) && !isNumber(target)) continue;
          const protocol = isString(value.protocol) ? value.protocol : 'TCP';
          const at = context.locate([...object.path, ...path, written ? 'targetPort' : 'port']);
          context.watch({ namespace, target, protocol, at });
        }
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, target, protocol, at } = watch.data;
      const selector = isObject(record.value.spec) ? record.value.spec.selector : undefined;
      const named = isString(target) && !/^\d+$/.test(target);
      const checkNumbers = watch.options.checkNumbers;
      const matches = selectedPods(index, namespace, selector);
      if (matches.length === 0) continue;
      const mismatch = (): RelatedLocation[] | undefined => {
        const ports = matches.flatMap(({ pod }) => servingContainers(pod.spec).flatMap((container) => containerPorts(container)));
        if (exposesPort(ports, target, protocol) || (!named && (!checkNumbers || ports.length === 0))) return undefined;
        return someRelated(matches.map((match) => match.object), (record) => `selected ${record.kind} "${record.name ?? ''}"`);
      };
      // A selector of several pod templates is answered once per port: Services that repeat it (copies of an app
      // in one namespace) would each read every template it selects. With one template, working the answer out
      // again is one read of its spec, and keeping an answer per Service port held about 150 bytes each.
      const related = matches.length === 1 ? mismatch() : index.ruleMemo(`target-port:${JSON.stringify([namespace, selector, target, protocol, checkNumbers])}`, mismatch);
      if (!related) continue;
      context.report({ messageId: 'noSuchPort', data: { name: record.name ?? '', port: named ? `"${target}"` : String(target) }, at, related: related.map((entry) => ({ ...entry })) }, watch);
    }
  },
});
