/** Facts about a workload object that reliability rules share: its kind family, replicas and namespace. */
import type { RunSettings } from '../../types.js';
import { isNumber, isObject } from '../json.js';
import type { JsonObject, K8sObject } from '../model.js';

/** Kinds whose pods run to completion: probes, rolling updates and replicas mean nothing for them. */
const RUN_TO_COMPLETION = new Set([
  'batch/Job', 'batch/CronJob', 'argoproj.io/Workflow', 'argoproj.io/WorkflowTemplate', 'argoproj.io/ClusterWorkflowTemplate',
  'argoproj.io/CronWorkflow', 'tekton.dev/Task', 'tekton.dev/ClusterTask', 'tekton.dev/Pipeline', 'ray.io/RayJob',
  'jobset.x-k8s.io/JobSet', 'batch.volcano.sh/Job', 'kubeflow.org/PyTorchJob', 'kubeflow.org/TFJob', 'kubeflow.org/MPIJob',
  'kubeflow.org/XGBoostJob', 'kubeflow.org/PaddleJob', 'kubeflow.org/MXJob',
]);

export function runsToCompletion(object: Pick<K8sObject, 'group' | 'kind'>): boolean {
  return RUN_TO_COMPLETION.has(`${object.group}/${object.kind}`);
}

/** Kinds with a `spec.replicas` that defaults to 1 when unset. */
const REPLICATED = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet', '/ReplicationController', 'extensions/Deployment', 'extensions/ReplicaSet', 'apps.openshift.io/DeploymentConfig', 'argoproj.io/Rollout']);

export function isReplicated(object: Pick<K8sObject, 'group' | 'kind'>): boolean {
  return REPLICATED.has(`${object.group}/${object.kind}`);
}

/** The replicas of a replicated workload: the written number, 1 when unset; undefined for other kinds. */
export function replicasOf(object: { group: string; kind: string; value: JsonObject }): number | undefined {
  if (!isReplicated(object)) return undefined;
  const spec = object.value.spec;
  if (!isObject(spec) || spec.replicas === undefined || spec.replicas === null) return 1;
  return isNumber(spec.replicas) ? spec.replicas : undefined;
}

/** The namespace an object lands in: its own, else the run's (`--namespace`). */
export function landingNamespace(object: Pick<K8sObject, 'namespace'>, settings: RunSettings): string {
  return object.namespace ?? settings.namespace;
}
