/**
 * The normalised views every rule reads: built once per object, frozen in tests, with paths back to the
 * source. Values are plain JSON as the API server reads it (YAML 1.1 scalars), typed as `JsonValue` and
 * narrowed by the guards in `k8s/json.ts`: nothing is cast to a shape it was never checked to have.
 */
import type { JsonObject, JsonValue, Path } from '../types.js';

export type { JsonObject, JsonValue };

/** Where an effective setting was written: the container's own context, or the pod's it inherits. */
export type SettingSource = 'pod' | 'container';

/** A value together with the path where it is written. */
export interface Located<T> {
  readonly value: T;
  readonly path: Path;
  /** For effective security settings: whether the container wrote it or inherits the pod's. */
  readonly from?: SettingSource;
}

export interface K8sObject {
  readonly apiVersion: string;
  /** The API group of apiVersion ('' for the core group). */
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
  /** `metadata.namespace` as written (the index applies the run's namespace to objects without one). */
  readonly namespace?: string;
  /** The whole object, typed the way the API server reads it (YAML 1.1 scalars). */
  readonly value: JsonObject;
  /** Path of the object inside its document: [] or ['items', i] for List members. */
  readonly path: Path;
  readonly metadata?: JsonObject;
  /** `metadata.labels` and `metadata.annotations` with string values only. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /**
   * Every pod spec of the object: one for the built-in workloads, several for kinds such as RayCluster
   * or JobSet (head and worker groups), found through the workload table or the generic container search.
   */
  readonly pods: readonly PodSpecView[];
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface PodSpecView {
  readonly spec: JsonObject;
  /** Path of the pod spec, e.g. ['spec','jobTemplate','spec','template','spec']. */
  readonly path: Path;
  /** The pod's own metadata (the template's for workloads, the object's for a Pod). */
  readonly metadata?: JsonObject;
  readonly metadataPath: Path;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerView[];
  readonly volumes: readonly VolumeView[];
  /**
   * The pod runs Windows: `spec.os.name: windows`, or a nodeSelector or required node affinity that pins
   * `kubernetes.io/os` to windows. Linux-only controls (seccomp, capabilities, privilege escalation…) skip it.
   */
  readonly isWindows: boolean;
  /** `spec.hostUsers: false`: the pod runs in a user namespace. */
  readonly userNamespace: boolean;
  /** Pod-level security settings without a container counterpart. */
  readonly podSecurity: PodSecurityView;
}

export interface VolumeView {
  readonly name: string;
  readonly value: JsonObject;
  readonly path: Path;
}

export interface PodSecurityView {
  readonly fsGroup?: Located<number>;
  readonly supplementalGroups?: Located<readonly number[]>;
  readonly sysctls?: Located<readonly JsonValue[]>;
  readonly hostUsers?: Located<boolean>;
}

/**
 * The security context a container really runs with: its own value, else the pod's.
 * Each setting keeps the path where it was written (and `from`), so a finding points at it.
 */
export interface EffectiveSecurityContext {
  readonly runAsNonRoot?: Located<boolean>;
  readonly runAsUser?: Located<number>;
  readonly runAsGroup?: Located<number>;
  readonly seccompProfileType?: Located<string>;
  readonly seccompLocalhostProfile?: Located<string>;
  readonly appArmorProfileType?: Located<string>;
  readonly appArmorLocalhostProfile?: Located<string>;
  /** The legacy `container.apparmor.security.beta.kubernetes.io/<container>` annotation of the pod. */
  readonly appArmorAnnotation?: Located<string>;
  readonly seLinuxOptions?: Located<Readonly<Record<string, string>>>;
  readonly windowsHostProcess?: Located<boolean>;
  readonly windowsOptions?: Located<JsonObject>;
  /** Container-only fields (no pod-level counterpart). */
  readonly privileged?: Located<boolean>;
  readonly allowPrivilegeEscalation?: Located<boolean>;
  readonly readOnlyRootFilesystem?: Located<boolean>;
  readonly procMount?: Located<string>;
  readonly capabilitiesAdd?: Located<readonly string[]>;
  readonly capabilitiesDrop?: Located<readonly string[]>;
}

export interface ContainerView {
  readonly role: ContainerRole;
  readonly name: string;
  readonly value: JsonObject;
  /** Path of the container item, e.g. [...pod.path, 'containers', 0]. */
  readonly path: Path;
  /** `image` when it is a string. */
  readonly image?: string;
  readonly securityContext: EffectiveSecurityContext;
}
