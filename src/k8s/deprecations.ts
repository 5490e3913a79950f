/**
 * API versions that Kubernetes deprecated and then stopped serving, as data. Sources:
 * - the upstream "Deprecated API Migration Guide" (kubernetes/website, reference/using-api/deprecation-guide.md),
 *   sections v1.16 to v1.32 (the guide, Pluto and kube-no-trouble list no beta/GA removal in 1.33 to 1.36);
 * - `deprecatedIn`: FairwindsOps/pluto `versions.yaml` where it names a version, else the release whose
 *   replacement made the old version deprecated;
 * - alpha rows and the external-snapshotter CRDs: Pluto and kube-no-trouble, which list them.
 * test/deprecations.test.ts checks the table against the bundled 1.36 OpenAPI spec: no removed apiVersion
 * + kind is served there, and every replacement is.
 */
import { compareKubeVersions } from './versions.js';

export interface ApiDeprecation {
  apiVersion: string;
  kind: string;
  /** The release from which using this apiVersion draws a deprecation warning. */
  deprecatedIn: string;
  /** The first release that no longer serves it. */
  removedIn: string;
  /** The apiVersion to move to; null when the API has no successor (PodSecurityPolicy). */
  replacement: string | null;
  note?: string;
}

export const API_DEPRECATIONS: readonly ApiDeprecation[] = [
  { apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'DaemonSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'ReplicaSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'ReplicaSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'StatefulSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'StatefulSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.10', removedIn: '1.16', replacement: 'policy/v1beta1', note: 'listed in the v1.16 removal announcement; policy/v1beta1 PodSecurityPolicy itself was removed in 1.25' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'MutatingWebhookConfiguration', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'ValidatingWebhookConfiguration', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kind: 'APIService', deprecatedIn: '1.10', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kind: 'TokenReview', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kind: 'LocalSubjectAccessReview', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kind: 'SelfSubjectAccessReview', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kind: 'SubjectAccessReview', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kind: 'CertificateSigningRequest', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kind: 'Lease', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IngressClass', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'ClusterRole', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'ClusterRoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'Role', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'RoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PriorityClass', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIDriver', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSINode', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'StorageClass', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttachment', deprecatedIn: '1.13', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'batch/v1beta1', kind: 'CronJob', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kind: 'EndpointSlice', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kind: 'Event', deprecatedIn: '1.19', removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.21', removedIn: '1.25', replacement: null, note: 'use Pod Security Admission or a third-party admission controller' },
  { apiVersion: 'node.k8s.io/v1beta1', kind: 'RuntimeClass', deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind: 'FlowSchema', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3' },
  { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIStorageCapacity', deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'FlowSchema', deprecatedIn: '1.29', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', note: 'flowcontrol.apiserver.k8s.io/v1beta3 (since 1.26) is an interim option but is itself removed in 1.32' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.29', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', note: 'flowcontrol.apiserver.k8s.io/v1beta3 (since 1.26) is an interim option but is itself removed in 1.32' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'ClusterRole', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', note: 'alpha API; listed by Pluto' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'ClusterRoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', note: 'alpha API; listed by Pluto' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'Role', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', note: 'alpha API; listed by Pluto' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'RoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', note: 'alpha API; listed by Pluto' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kind: 'PriorityClass', deprecatedIn: '1.14', removedIn: '1.17', replacement: 'scheduling.k8s.io/v1', note: 'alpha API; listed by Pluto' },
  { apiVersion: 'snapshot.storage.k8s.io/v1beta1', kind: 'VolumeSnapshot', deprecatedIn: '1.20', removedIn: '1.24', replacement: 'snapshot.storage.k8s.io/v1', note: 'CRDs of the CSI external-snapshotter, not the API server; kube-no-trouble lists them with 1.24' },
  { apiVersion: 'snapshot.storage.k8s.io/v1beta1', kind: 'VolumeSnapshotClass', deprecatedIn: '1.20', removedIn: '1.24', replacement: 'snapshot.storage.k8s.io/v1', note: 'CRDs of the CSI external-snapshotter, not the API server; kube-no-trouble lists them with 1.24' },
  { apiVersion: 'snapshot.storage.k8s.io/v1beta1', kind: 'VolumeSnapshotContent', deprecatedIn: '1.20', removedIn: '1.24', replacement: 'snapshot.storage.k8s.io/v1', note: 'CRDs of the CSI external-snapshotter, not the API server; kube-no-trouble lists them with 1.24' },
];

const byKey = new Map(API_DEPRECATIONS.map((entry) => [`${entry.apiVersion}/${entry.kind}`, entry]));

export function apiDeprecation(apiVersion: string, kind: string): ApiDeprecation | undefined {
  return byKey.get(`${apiVersion}/${kind}`);
}

/** What the target release makes of the entry: still fine, deprecated, or no longer served. */
export function deprecationStatus(entry: ApiDeprecation, kubeVersion: string): 'ok' | 'deprecated' | 'removed' {
  if (compareKubeVersions(kubeVersion, entry.removedIn) >= 0) return 'removed';
  if (compareKubeVersions(kubeVersion, entry.deprecatedIn) >= 0) return 'deprecated';
  return 'ok';
}
