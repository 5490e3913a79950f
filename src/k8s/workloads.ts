/** The one table of where each workload kind keeps its pod template. */
import type { Path } from '../types.js';

export interface WorkloadKind {
  /** `kind`, optionally qualified by group (`argoproj.io/Rollout`); any version. */
  kind: string;
  group?: string;
  /** Path of the pod spec from the object root. */
  podSpec: Path;
  /** Path of the pod metadata from the object root. */
  podMetadata: Path;
}

const TEMPLATE_SPEC: Path = ['spec', 'template', 'spec'];
const TEMPLATE_METADATA: Path = ['spec', 'template', 'metadata'];

export const BUILT_IN_WORKLOADS: readonly WorkloadKind[] = [
  { kind: 'Pod', group: '', podSpec: ['spec'], podMetadata: ['metadata'] },
  { kind: 'PodTemplate', group: '', podSpec: ['template', 'spec'], podMetadata: ['template', 'metadata'] },
  { kind: 'ReplicationController', group: '', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'Deployment', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'StatefulSet', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'DaemonSet', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'ReplicaSet', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'Job', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  {
    kind: 'CronJob',
    podSpec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    podMetadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
  { kind: 'DeploymentConfig', group: 'apps.openshift.io', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
  { kind: 'Rollout', group: 'argoproj.io', podSpec: TEMPLATE_SPEC, podMetadata: TEMPLATE_METADATA },
];

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Finds the table entry for an object; `extra` comes from configuration (CRDs with pod templates). */
export function workloadOf(apiVersion: string, kind: string, extra: readonly WorkloadKind[] = []): WorkloadKind | undefined {
  const group = groupOf(apiVersion);
  for (const table of [extra, BUILT_IN_WORKLOADS]) {
    for (const entry of table) {
      if (entry.kind === kind && (entry.group === undefined || entry.group === group)) return entry;
    }
  }
  return undefined;
}
