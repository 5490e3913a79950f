/**
 * Builds the compact Kubernetes schema the package ships (`schemas/kubernetes-1.36.json`) from the
 * upstream OpenAPI v2 spec: descriptions dropped, enum values read from the "Possible enum values" lists
 * the Kubernetes generator writes into descriptions, and an index from apiVersion + kind to definition for
 * the group-versions the release really serves (those with REST paths, not the stale lists on shared types).
 * The file is JSON with each definition on a line of its own, so a run parses only the definitions it uses.
 *
 *   npm run build:schemas        rewrites the committed file; test/schema-build.test.ts checks it is current
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SWAGGER = path.resolve(ROOT, '..', 'shared', 'schemas', 'kubernetes', 'swagger-release-1.36.json');
export const OUTPUT = path.resolve(ROOT, 'schemas', 'kubernetes-1.36.json');
const REF_PREFIX = '#/definitions/';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

function isMap(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Enumerations the API server validates. The spec this package is built from lists them only in prose
 * ("One of Always, Never, IfNotPresent"), so they are kept here as data: `Definition.property` (a `[]`
 * suffix: each item of the list), values as the field descriptions of the 1.36 spec name them.
 */
const ENUMS: Record<string, string[]> = {
  'core.v1.Container.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'core.v1.Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'core.v1.EphemeralContainer.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'core.v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'core.v1.PodSpec.dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  'core.v1.PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'core.v1.PodOS.name': ['linux', 'windows'],
  'core.v1.ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'core.v1.ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'core.v1.EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'networking.v1.NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'core.v1.ServiceSpec.type': ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'],
  'core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'core.v1.ServiceSpec.ipFamilies[]': ['IPv4', 'IPv6'],
  'apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'apps.v1.StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  'batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'core.v1.PersistentVolumeClaimSpec.volumeMode': ['Filesystem', 'Block'],
  'core.v1.PersistentVolumeClaimSpec.accessModes[]': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeSpec.volumeMode': ['Filesystem', 'Block'],
  'core.v1.PersistentVolumeSpec.accessModes[]': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'storage.v1.StorageClass.reclaimPolicy': ['Retain', 'Delete'],
  'storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'core.v1.Toleration.operator': ['Exists', 'Equal', 'Lt', 'Gt'],
  'core.v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.NodeSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'core.v1.SeccompProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'core.v1.AppArmorProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'core.v1.HostPathVolumeSource.type': ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'core.v1.PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  'networking.v1.NetworkPolicySpec.policyTypes[]': ['Ingress', 'Egress'],
  'networking.v1.HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'autoscaling.v2.MetricTarget.type': ['Utilization', 'Value', 'AverageValue'],
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
};

/** Values that are strings on the wire but numbers in YAML too (`cpu: 1`): checked as quantities. */
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

const usedEnums = new Set<string>();

/** One schema node without what validation does not need. */
function compact(node: JsonMap, enumKey?: string): JsonMap {
  const out: JsonMap = {};
  const values = enumKey ? ENUMS[enumKey] : undefined;
  if (values) {
    out.enum = values;
    usedEnums.add(enumKey!);
  }
  if (typeof node.$ref === 'string') out.$ref = node.$ref.slice(REF_PREFIX.length);
  if (typeof node.type === 'string') out.type = node.type;
  if (typeof node.format === 'string') out.format = node.format;
  if (isMap(node.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).filter(([, value]) => isMap(value)).map(([key, value]) => [key, compact(value as JsonMap, enumKey && `${enumKey}.${key}`)]),
    );
  }
  if (Array.isArray(node.required) && node.required.length > 0) out.required = node.required;
  if (isMap(node.items)) out.items = compact(node.items, enumKey && `${enumKey}[]`);
  if (isMap(node.additionalProperties)) out.additionalProperties = compact(node.additionalProperties);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  return out;
}

function gvksOf(value: Json | undefined): Gvk[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isMap).map((entry) => ({ group: String(entry.group ?? ''), version: String(entry.version ?? ''), kind: String(entry.kind ?? '') }));
}

function apiVersionOf({ group, version }: Gvk): string {
  return group === '' ? version : `${group}/${version}`;
}

export interface CompactSchema {
  kubernetesVersion: string;
  source: string;
  /** `apiVersion` → kind → definition name, for the served group-versions only. */
  kinds: Record<string, Record<string, string>>;
  definitions: Record<string, JsonMap>;
}

export function buildCompactSchema(swagger: JsonMap): CompactSchema {
  const definitions = isMap(swagger.definitions) ? swagger.definitions : {};
  const paths = isMap(swagger.paths) ? swagger.paths : {};
  // What the release serves: the kinds its REST operations read and write.
  const served = new Set<string>();
  for (const item of Object.values(paths)) {
    if (!isMap(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isMap(operation)) continue;
      for (const gvk of gvksOf(operation['x-kubernetes-group-version-kind'] ? [operation['x-kubernetes-group-version-kind']] : [])) {
        served.add(`${apiVersionOf(gvk)}/${gvk.kind}`);
      }
    }
  }
  const kinds: Record<string, Record<string, string>> = {};
  const compacted: Record<string, JsonMap> = {};
  for (const name of Object.keys(definitions).sort()) {
    const definition = definitions[name];
    if (!isMap(definition)) continue;
    compacted[name] = compact(definition, name.replace(/^io\.k8s\.(api\.)?/, ''));
    if (name === QUANTITY) compacted[name] = { ...compacted[name], format: 'quantity' };
    for (const gvk of gvksOf(definition['x-kubernetes-group-version-kind'])) {
      const apiVersion = apiVersionOf(gvk);
      if (!served.has(`${apiVersion}/${gvk.kind}`)) continue;
      (kinds[apiVersion] ??= {})[gvk.kind] = name;
    }
  }
  const unused = Object.keys(ENUMS).filter((key) => !usedEnums.has(key));
  if (unused.length > 0) throw new Error(`enum entries name no property of the spec: ${unused.join(', ')}`);
  const sortedKinds = Object.fromEntries(Object.keys(kinds).sort().map((apiVersion) => [apiVersion, Object.fromEntries(Object.entries(kinds[apiVersion]!).sort(([a], [b]) => a.localeCompare(b)))]));
  return {
    kubernetesVersion: '1.36',
    source: 'kubernetes/kubernetes api/openapi-spec/swagger.json, release-1.36 (Apache-2.0, The Kubernetes Authors)',
    kinds: sortedKinds,
    definitions: compacted,
  };
}

/**
 * JSON, laid out for `src/schema/kubernetes.ts`: the first line opens the document and the definitions, then
 * one line per definition (`"name":{...}`, a comma after all but the last), then `}}`.
 */
export function compactSchemaText(): string {
  const { definitions, ...header } = buildCompactSchema(JSON.parse(readFileSync(SWAGGER, 'utf8')) as JsonMap);
  const lines = Object.entries(definitions).map(([name, definition]) => {
    if (JSON.stringify(name) !== `"${name}"`) throw new Error(`definition name needs escaping: ${name}`);
    return `"${name}":${JSON.stringify(definition)}`;
  });
  return `${JSON.stringify(header).slice(0, -1)},"definitions":{\n${lines.join(',\n')}\n}}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = compactSchemaText();
  writeFileSync(OUTPUT, text);
  console.error(`wrote ${path.relative(ROOT, OUTPUT)}: ${(text.length / 1024).toFixed(0)} KB`);
}
