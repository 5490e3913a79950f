/**
 * The one table of where each workload kind keeps its pod templates. A path may hold `*`, meaning every
 * item of a list or every value of a mapping, so one object can hold several pod specs (RayCluster head
 * and worker groups, JobSet replicated jobs, training jobs' replica specs).
 */
import type { ContainerRole } from './model.js';

export type PathPattern = readonly (string | number)[];

/** A list (or a single mapping) of containers inside a pod spec, and the role its items play. */
export interface ContainerList {
  key: string;
  role: ContainerRole;
  /** The key holds one container mapping, not a list (Argo's `container` and `script`). */
  single?: boolean;
}

export interface PodTemplatePath {
  /** Path of the pod spec from the object root; `*` steps expand. */
  spec: PathPattern;
  /** Path of the pod metadata, with the same `*` steps as `spec`. */
  metadata: PathPattern;
}

export interface WorkloadKind {
  /** `kind`, optionally qualified by group (`argoproj.io/Rollout`); any version. */
  kind: string;
  group?: string;
  pods: readonly PodTemplatePath[];
  /** Where the containers are in each pod spec; default containers, initContainers, ephemeralContainers. */
  containers?: readonly ContainerList[];
}

export const POD_CONTAINER_LISTS: readonly ContainerList[] = [
  { key: 'initContainers', role: 'initContainer' },
  { key: 'containers', role: 'container' },
  { key: 'ephemeralContainers', role: 'ephemeralContainer' },
];

const ARGO_TEMPLATE_CONTAINERS: readonly ContainerList[] = [
  { key: 'initContainers', role: 'initContainer' },
  { key: 'container', role: 'container', single: true },
  { key: 'script', role: 'container', single: true },
  { key: 'sidecars', role: 'container' },
];

const TEKTON_CONTAINERS: readonly ContainerList[] = [
  { key: 'steps', role: 'container' },
  { key: 'sidecars', role: 'container' },
];

const template = (...prefix: string[]): PodTemplatePath => ({ spec: [...prefix, 'template', 'spec'], metadata: [...prefix, 'template', 'metadata'] });
const TEMPLATE = [template('spec')];

export const BUILT_IN_WORKLOADS: readonly WorkloadKind[] = [
  { kind: 'Pod', group: '', pods: [{ spec: ['spec'], metadata: ['metadata'] }] },
  { kind: 'PodTemplate', group: '', pods: [template()] },
  { kind: 'ReplicationController', group: '', pods: TEMPLATE },
  { kind: 'Deployment', group: 'apps', pods: TEMPLATE },
  { kind: 'StatefulSet', group: 'apps', pods: TEMPLATE },
  { kind: 'DaemonSet', group: 'apps', pods: TEMPLATE },
  { kind: 'ReplicaSet', group: 'apps', pods: TEMPLATE },
  { kind: 'Job', group: 'batch', pods: TEMPLATE },
  { kind: 'CronJob', group: 'batch', pods: [template('spec', 'jobTemplate', 'spec')] },
  // Old groups of the same kinds (extensions/v1beta1, apps/v1beta2, ...): still linted, deprecated elsewhere.
  { kind: 'Deployment', group: 'extensions', pods: TEMPLATE },
  { kind: 'DaemonSet', group: 'extensions', pods: TEMPLATE },
  { kind: 'ReplicaSet', group: 'extensions', pods: TEMPLATE },
  { kind: 'DeploymentConfig', group: 'apps.openshift.io', pods: TEMPLATE },
  { kind: 'Rollout', group: 'argoproj.io', pods: TEMPLATE },
  { kind: 'Workflow', group: 'argoproj.io', pods: [{ spec: ['spec', 'templates', '*'], metadata: ['spec', 'templates', '*', 'metadata'] }], containers: ARGO_TEMPLATE_CONTAINERS },
  { kind: 'WorkflowTemplate', group: 'argoproj.io', pods: [{ spec: ['spec', 'templates', '*'], metadata: ['spec', 'templates', '*', 'metadata'] }], containers: ARGO_TEMPLATE_CONTAINERS },
  { kind: 'ClusterWorkflowTemplate', group: 'argoproj.io', pods: [{ spec: ['spec', 'templates', '*'], metadata: ['spec', 'templates', '*', 'metadata'] }], containers: ARGO_TEMPLATE_CONTAINERS },
  {
    kind: 'CronWorkflow',
    group: 'argoproj.io',
    pods: [{ spec: ['spec', 'workflowSpec', 'templates', '*'], metadata: ['spec', 'workflowSpec', 'templates', '*', 'metadata'] }],
    containers: ARGO_TEMPLATE_CONTAINERS,
  },
  { kind: 'Task', group: 'tekton.dev', pods: [{ spec: ['spec'], metadata: ['metadata'] }], containers: TEKTON_CONTAINERS },
  { kind: 'ClusterTask', group: 'tekton.dev', pods: [{ spec: ['spec'], metadata: ['metadata'] }], containers: TEKTON_CONTAINERS },
  { kind: 'Pipeline', group: 'tekton.dev', pods: [{ spec: ['spec', 'tasks', '*', 'taskSpec'], metadata: ['spec', 'tasks', '*', 'taskSpec', 'metadata'] }], containers: TEKTON_CONTAINERS },
  {
    kind: 'InferenceService',
    group: 'serving.kserve.io',
    pods: ['predictor', 'transformer', 'explainer'].map((part) => ({ spec: ['spec', part], metadata: ['spec', part, 'metadata'] })),
  },
  { kind: 'Service', group: 'serving.knative.dev', pods: TEMPLATE },
  { kind: 'Configuration', group: 'serving.knative.dev', pods: TEMPLATE },
  { kind: 'RayCluster', group: 'ray.io', pods: [template('spec', 'headGroupSpec'), template('spec', 'workerGroupSpecs', '*')] },
  {
    kind: 'RayJob',
    group: 'ray.io',
    pods: [template('spec', 'rayClusterSpec', 'headGroupSpec'), template('spec', 'rayClusterSpec', 'workerGroupSpecs', '*'), { spec: ['spec', 'submitterPodTemplate', 'spec'], metadata: ['spec', 'submitterPodTemplate', 'metadata'] }],
  },
  { kind: 'RayService', group: 'ray.io', pods: [template('spec', 'rayClusterConfig', 'headGroupSpec'), template('spec', 'rayClusterConfig', 'workerGroupSpecs', '*')] },
  { kind: 'JobSet', group: 'jobset.x-k8s.io', pods: [template('spec', 'replicatedJobs', '*', 'template', 'spec')] },
  {
    kind: 'LeaderWorkerSet',
    group: 'leaderworkerset.x-k8s.io',
    pods: ['leaderTemplate', 'workerTemplate'].map((part) => ({
      spec: ['spec', 'leaderWorkerTemplate', part, 'spec'],
      metadata: ['spec', 'leaderWorkerTemplate', part, 'metadata'],
    })),
  },
  ...['PyTorchJob:pytorchReplicaSpecs', 'TFJob:tfReplicaSpecs', 'MPIJob:mpiReplicaSpecs', 'XGBoostJob:xgbReplicaSpecs', 'PaddleJob:paddleReplicaSpecs', 'MXJob:mxReplicaSpecs'].map(
    (entry): WorkloadKind => {
      const [kind = '', field = ''] = entry.split(':');
      return { kind, group: 'kubeflow.org', pods: [template('spec', field, '*')] };
    },
  ),
  { kind: 'Notebook', group: 'kubeflow.org', pods: TEMPLATE },
  { kind: 'Job', group: 'batch.volcano.sh', pods: [template('spec', 'tasks', '*')] },
];

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Finds the table entry for an object; `extra` comes from configuration (CRDs with pod templates) and wins. */
export function workloadOf(apiVersion: string, kind: string, extra: readonly WorkloadKind[] = []): WorkloadKind | undefined {
  const group = groupOf(apiVersion);
  for (const table of [extra, BUILT_IN_WORKLOADS]) {
    for (const entry of table) {
      if (entry.kind === kind && (entry.group === undefined || entry.group === group)) return entry;
    }
  }
  return undefined;
}

/**
 * A dotted field path from configuration → a pattern: `spec.replicatedJobs[*].template.spec`,
 * `spec.groups[0].template`, `spec.replicaSpecs.*.template.spec`.
 */
export function parseFieldPath(text: string): PathPattern {
  const segments: (string | number)[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[(?:\*|\d+)\])*)$/.exec(part);
    if (!match) throw new Error(`"${text}" is not a field path`);
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\*|\d+)\]/g)) segments.push(index[1] === '*' ? '*' : Number(index[1]));
  }
  return segments;
}
