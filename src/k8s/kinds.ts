/**
 * Named groups of kinds, kept in one table: a rule declares the groups (or single kinds) it looks at and
 * the engine calls it only for those objects. A selector is a group name (lower case), a kind
 * (`Service`, any group) or a group-qualified kind (`networking.k8s.io/Ingress`).
 */
import type { K8sObject } from './model.js';
import { BUILT_IN_WORKLOADS } from './workloads.js';

export const KIND_GROUPS = {
  /** Every kind of the workload table, and any object in which a pod spec was found. */
  workloads: [] as readonly string[],
  'rbac-roles': ['rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/ClusterRole'],
  'rbac-bindings': ['rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding'],
  services: ['/Service'],
  ingresses: ['networking.k8s.io/Ingress', 'extensions/Ingress'],
  'network-policies': ['networking.k8s.io/NetworkPolicy'],
  'service-accounts': ['/ServiceAccount'],
  namespaces: ['/Namespace'],
  'config-maps': ['/ConfigMap'],
  secrets: ['/Secret'],
  'pod-disruption-budgets': ['policy/PodDisruptionBudget'],
  autoscalers: ['autoscaling/HorizontalPodAutoscaler'],
  crds: ['apiextensions.k8s.io/CustomResourceDefinition'],
  /** Pods that run a control-plane component from their command line (kubeadm's static pods). */
  'static-pods': ['/Pod'],
  'node-config': ['kubelet.config.k8s.io/KubeletConfiguration'],
  'cluster-config': [
    'kubeadm.k8s.io/ClusterConfiguration',
    'kubeadm.k8s.io/InitConfiguration',
    'kubeadm.k8s.io/JoinConfiguration',
    'apiserver.config.k8s.io/EncryptionConfiguration',
    'apiserver.config.k8s.io/AdmissionConfiguration',
    'apiserver.k8s.io/AdmissionConfiguration',
    'audit.k8s.io/Policy',
  ],
} as const satisfies Record<string, readonly string[]>;

export type KindGroup = keyof typeof KIND_GROUPS;
/** A group name, a kind, or `group/Kind` (`/Kind` for the core group). */
export type KindSelector = KindGroup | (string & {});

export function isKindGroup(selector: string): selector is KindGroup {
  return Object.hasOwn(KIND_GROUPS, selector);
}

/** Does one `kind` or `group/Kind` entry name this object? */
function namesKind(entry: string, object: Pick<K8sObject, 'group' | 'kind'>): boolean {
  const slash = entry.lastIndexOf('/');
  if (slash === -1) return entry === object.kind;
  return entry.slice(slash + 1) === object.kind && entry.slice(0, slash) === object.group;
}

export function matchesKinds(selectors: readonly KindSelector[] | undefined, object: K8sObject): boolean {
  if (!selectors) return true;
  return selectors.some((selector) => {
    if (selector === 'workloads') return object.pods.length > 0 || BUILT_IN_WORKLOADS.some((entry) => entry.kind === object.kind && (entry.group === undefined || entry.group === object.group));
    if (isKindGroup(selector)) return KIND_GROUPS[selector].some((entry) => namesKind(entry, object));
    return namesKind(selector, object);
  });
}

/** Kinds that live outside namespaces (metadata.namespace is meaningless on them). */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/InitializerConfiguration', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy', 'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass', 'networking.k8s.io/IngressClass', 'networking.k8s.io/IPAddress',
  'networking.k8s.io/ServiceCIDR', 'policy/PodSecurityPolicy', 'extensions/PodSecurityPolicy',
  'certificates.k8s.io/CertificateSigningRequest', 'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'resource.k8s.io/DeviceClass', 'gateway.networking.k8s.io/GatewayClass', 'cert-manager.io/ClusterIssuer',
  'kubelet.config.k8s.io/KubeletConfiguration', 'kubeadm.k8s.io/ClusterConfiguration', 'kubeadm.k8s.io/InitConfiguration',
  'kubeadm.k8s.io/JoinConfiguration', 'apiserver.config.k8s.io/EncryptionConfiguration', 'apiserver.config.k8s.io/AdmissionConfiguration',
  'apiserver.k8s.io/AdmissionConfiguration', 'audit.k8s.io/Policy',
  'policy.networking.k8s.io/AdminNetworkPolicy', 'policy.networking.k8s.io/BaselineAdminNetworkPolicy',
  'snapshot.storage.k8s.io/VolumeSnapshotClass', 'snapshot.storage.k8s.io/VolumeSnapshotContent',
  // Custom kinds of widely installed operators whose CRDs declare cluster scope: their CRDs are rarely
  // in the same repository as the objects, and without them these objects would seem to land in a namespace.
  'certmanager.k8s.io/ClusterIssuer',
  'operator.tigera.io/Installation', 'operator.tigera.io/APIServer', 'operator.tigera.io/Goldmane', 'operator.tigera.io/Whisker',
  'operator.tigera.io/ImageSet', 'operator.tigera.io/TigeraStatus',
  'crd.projectcalico.org/GlobalNetworkPolicy', 'crd.projectcalico.org/GlobalNetworkSet', 'crd.projectcalico.org/IPPool',
  'crd.projectcalico.org/FelixConfiguration', 'crd.projectcalico.org/BGPConfiguration', 'crd.projectcalico.org/BGPPeer',
  'crd.projectcalico.org/HostEndpoint', 'crd.projectcalico.org/ClusterInformation',
  'projectcalico.org/GlobalNetworkPolicy', 'projectcalico.org/GlobalNetworkSet', 'projectcalico.org/IPPool',
  'projectcalico.org/FelixConfiguration', 'projectcalico.org/BGPConfiguration', 'projectcalico.org/BGPPeer', 'projectcalico.org/HostEndpoint',
  'cilium.io/CiliumClusterwideNetworkPolicy', 'cilium.io/CiliumNode', 'cilium.io/CiliumIdentity', 'cilium.io/CiliumLoadBalancerIPPool',
  'spire.spiffe.io/ClusterSPIFFEID', 'spire.spiffe.io/ClusterFederatedTrustDomain', 'spire.spiffe.io/ClusterStaticEntry',
  'kyverno.io/ClusterPolicy', 'kyverno.io/ClusterCleanupPolicy', 'wgpolicyk8s.io/ClusterPolicyReport',
  'external-secrets.io/ClusterSecretStore', 'external-secrets.io/ClusterExternalSecret',
  'templates.gatekeeper.sh/ConstraintTemplate', 'karpenter.sh/NodePool', 'karpenter.sh/NodeClaim', 'karpenter.k8s.aws/EC2NodeClass',
  'argoproj.io/ClusterWorkflowTemplate', 'tekton.dev/ClusterTask',
]);

/** Groups whose every kind is cluster-scoped: Gatekeeper generates one constraint kind per template. */
const CLUSTER_SCOPED_GROUPS = new Set(['constraints.gatekeeper.sh']);

/**
 * Whether objects of this kind live in a namespace. Custom kinds are taken as namespaced unless a CRD of
 * the run says otherwise (`clusterScopedKinds`, from the index).
 */
export function isNamespaced(group: string, kind: string, clusterScopedKinds?: ReadonlySet<string>): boolean {
  const key = `${group}/${kind}`;
  return !CLUSTER_SCOPED.has(key) && !CLUSTER_SCOPED_GROUPS.has(group) && !clusterScopedKinds?.has(key);
}
