/**
 * The Pod Security Standards tables, as the reference implementation (k8s.io/pod-security-admission)
 * decides them, by Kubernetes version: the rules that implement a control read their allowed values here.
 */
import { compareKubeVersions } from './versions.js';
import { isObject, valueAt } from './json.js';
import type { JsonObject, PodSpecView } from './model.js';
import type { Path } from '../types.js';

/** Baseline: capabilities a container may add. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Restricted: the one capability a container may add. */
export const RESTRICTED_CAPABILITY = 'NET_BIND_SERVICE';

/** Baseline: the safe sysctls, each with the first version whose policy allows it. */
const SAFE_SYSCTLS: readonly (readonly [string, string])[] = [
  ['kernel.shm_rmid_forced', '1.0'],
  ['net.ipv4.ip_local_port_range', '1.0'],
  ['net.ipv4.ip_unprivileged_port_start', '1.0'],
  ['net.ipv4.tcp_syncookies', '1.0'],
  ['net.ipv4.ping_group_range', '1.0'],
  ['net.ipv4.ip_local_reserved_ports', '1.27'],
  ['net.ipv4.tcp_keepalive_time', '1.29'],
  ['net.ipv4.tcp_fin_timeout', '1.29'],
  ['net.ipv4.tcp_keepalive_intvl', '1.29'],
  ['net.ipv4.tcp_keepalive_probes', '1.29'],
  ['net.ipv4.tcp_rmem', '1.32'],
  ['net.ipv4.tcp_wmem', '1.32'],
  ['net.ipv4.tcp_slow_start_after_idle', '1.37'],
  ['net.ipv4.tcp_notsent_lowat', '1.37'],
];

export function isSafeSysctl(name: string, kubeVersion: string): boolean {
  return SAFE_SYSCTLS.some(([safe, since]) => safe === name && atLeast(kubeVersion, since));
}

/** Baseline: SELinux types a pod or container may set (besides none). */
export function allowedSeLinuxTypes(kubeVersion: string): readonly string[] {
  const types = ['container_t', 'container_init_t', 'container_kvm_t'];
  return atLeast(kubeVersion, '1.31') ? [...types, 'container_engine_t'] : types;
}

/** Restricted: the volume sources a pod may not use (the reference lists the forbidden ones, so unknown sources pass). */
export const RESTRICTED_FORBIDDEN_VOLUMES: readonly string[] = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'portworxVolume',
  'photonPersistentDisk', 'scaleIO', 'storageos', 'hostPath',
];

/** Seccomp and AppArmor profile types that confine the container. */
export const CONFINING_PROFILE_TYPES: readonly string[] = ['RuntimeDefault', 'Localhost'];

export function atLeast(kubeVersion: string, since: string): boolean {
  return compareKubeVersions(kubeVersion, since) >= 0;
}

/**
 * Windows pods as the reference exempts them: only `spec.os.name: windows` (from 1.25) counts, not a
 * node selector, because admission cannot know where the scheduler puts the pod.
 */
export function pssWindows(pod: PodSpecView, kubeVersion: string): boolean {
  return atLeast(kubeVersion, '1.25') && valueAt(pod.spec, ['os', 'name']) === 'windows';
}

/** `hostUsers: false` relaxes the root-user and /proc controls from 1.35. */
export function userNamespaceExempt(pod: PodSpecView, kubeVersion: string): boolean {
  return pod.userNamespace && atLeast(kubeVersion, '1.35');
}

/** A securityContext written at the pod or on one container, with its path. */
export interface WrittenContext {
  readonly value: JsonObject;
  readonly path: Path;
  /** undefined for the pod-level context. */
  readonly container?: string;
}

/**
 * The pod-level securityContext and each container's own, as written: the reference judges every place a
 * value is set (a pod-level Unconfined fails even when every container overrides it).
 */
export function writtenContexts(pod: PodSpecView): WrittenContext[] {
  const contexts: WrittenContext[] = [];
  if (isObject(pod.spec.securityContext)) contexts.push({ value: pod.spec.securityContext, path: [...pod.path, 'securityContext'] });
  for (const container of pod.containers) {
    const own = container.value.securityContext;
    if (isObject(own)) contexts.push({ value: own, path: [...container.path, 'securityContext'], container: container.name });
  }
  return contexts;
}
