/** The normalised views every rule reads: built once per object, frozen, with paths back to the source. */
import type { Container, PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { Path } from '../types.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A value together with the path where it is written. */
export interface Located<T> {
  readonly value: T;
  readonly path: Path;
}

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** The whole object, typed the way the API server reads it (YAML 1.1 scalars). */
  readonly value: JsonObject;
  /** Path of the object inside its document: [] or ['items', i] for List members. */
  readonly path: Path;
  readonly metadata?: ObjectMeta;
  /** Present for every workload kind of the table (and configured extra kinds). */
  readonly pod?: PodSpecView;
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface PodSpecView {
  readonly spec: PodSpec;
  /** Path of the pod spec, e.g. ['spec','jobTemplate','spec','template','spec']. */
  readonly path: Path;
  /** The pod's own metadata (the template's for workloads, the object's for a Pod). */
  readonly metadata?: ObjectMeta;
  readonly metadataPath: Path;
  readonly containers: readonly ContainerView[];
  readonly volumes: readonly Located<Volume>[];
  /** `spec.os.name: windows`: exempt from the Linux-only Restricted controls. */
  readonly isWindows: boolean;
  /** `spec.hostUsers: false`: the pod runs in a user namespace. */
  readonly userNamespace: boolean;
}

/**
 * The security context a container really runs with: its own value, else the pod's.
 * Each setting keeps the path where it was written, so a finding points at it.
 */
export interface EffectiveSecurityContext {
  readonly runAsNonRoot?: Located<boolean>;
  readonly runAsUser?: Located<number>;
  readonly runAsGroup?: Located<number>;
  readonly seccompProfileType?: Located<string>;
  readonly appArmorProfileType?: Located<string>;
  readonly seLinuxOptions?: Located<Record<string, string>>;
  readonly windowsHostProcess?: Located<boolean>;
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
  readonly value: Container;
  /** Path of the container item, e.g. [...pod.path, 'containers', 0]. */
  readonly path: Path;
  readonly securityContext: EffectiveSecurityContext;
}
