/**
 * One view of a control-plane component's configuration, whatever form it is written in: a container's
 * command line (static pods, self-hosted control planes), kubeadm's `extraArgs` (v1beta3 map, v1beta4
 * list of name/value pairs), or a KubeletConfiguration file whose fields stand for kubelet flags. Rules
 * ask for a flag by its command-line name and get what is written (with its path) or the default the
 * component runs with for the target Kubernetes version.
 */
import { compareKubeVersions } from '../versions.js';
import type { Path } from '../../types.js';
import { isObject, isString, objectAt, valueAt } from '../json.js';
import type { ContainerView, JsonValue, K8sObject } from '../model.js';
import { parseCommandLine, type Component } from './command-line.js';

export type { Component } from './command-line.js';

export type ConfigForm = 'command-line' | 'kubeadm' | 'kubelet-config';

/** A flag as written, or a KubeletConfiguration field standing for one. */
export interface Setting {
  name: string;
  /** Undefined for a bare boolean flag (true). */
  value: string | undefined;
  path: Path;
}

export interface ComponentConfig {
  component: Component;
  form: ConfigForm;
  /** Every setting in order; for a repeated flag the last one wins. */
  written: readonly Setting[];
  /** What the component runs with for a flag nobody wrote: its own default, or what kubeadm passes. */
  defaults: Readonly<Record<string, string>>;
  /**
   * Missing flags say nothing about the component: a kubelet reading a `--config` file, or kubeadm's
   * `kubeletExtraArgs`, which only add to the KubeletConfiguration kubeadm writes.
   */
  partial: boolean;
  /** Where a flag that is not written is reported (with `missing: true`). */
  missingAt(name: string): Path;
  /** The container that runs the component (command-line form). */
  container?: string;
}

/** Flag defaults of the components, by Kubernetes version where they changed. */
export function componentDefaults(component: Component, kubeVersion: string): Record<string, string> {
  const before = (version: string) => compareKubeVersions(kubeVersion, version) < 0;
  switch (component) {
    case 'kube-apiserver':
      return {
        'anonymous-auth': 'true',
        'authorization-mode': 'AlwaysAllow',
        profiling: 'true',
        'secure-port': '6443',
        // The insecure port was on (8080) until 1.20, which disabled it; 1.24 removed the flag.
        'insecure-port': before('1.20') ? '8080' : '0',
        'kubelet-https': 'true',
        'service-account-lookup': 'true',
        'request-timeout': '1m0s',
        'service-account-extend-token-expiration': 'true',
      };
    case 'kube-controller-manager':
      return { profiling: 'true', 'bind-address': '0.0.0.0', 'use-service-account-credentials': 'false', 'terminated-pod-gc-threshold': '12500' };
    case 'kube-scheduler':
      return { profiling: 'true', 'bind-address': '0.0.0.0' };
    case 'etcd':
      return { 'client-cert-auth': 'false', 'auto-tls': 'false', 'peer-client-cert-auth': 'false', 'peer-auto-tls': 'false' };
    case 'kubelet':
      return {
        'anonymous-auth': 'true',
        'authorization-mode': 'AlwaysAllow',
        'read-only-port': '10255',
        'protect-kernel-defaults': 'false',
        'make-iptables-util-chains': 'true',
        'rotate-certificates': 'false',
        'event-qps': '50',
        'streaming-connection-idle-timeout': '4h0m0s',
        'pod-max-pids': '-1',
      };
  }
}

const PKI = '/etc/kubernetes/pki';

/** The flags kubeadm writes into the static pods it generates (cmd/kubeadm/app/phases/controlplane, etcd). */
function kubeadmFlags(component: Component, externalEtcd: boolean): Record<string, string> {
  switch (component) {
    case 'kube-apiserver':
      return {
        'authorization-mode': 'Node,RBAC',
        'enable-admission-plugins': 'NodeRestriction',
        'client-ca-file': `${PKI}/ca.crt`,
        'tls-cert-file': `${PKI}/apiserver.crt`,
        'tls-private-key-file': `${PKI}/apiserver.key`,
        'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`,
        'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
        'service-account-key-file': `${PKI}/sa.pub`,
        'secure-port': '6443',
        ...(externalEtcd ? {} : { 'etcd-cafile': `${PKI}/etcd/ca.crt`, 'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`, 'etcd-keyfile': `${PKI}/apiserver-etcd-client.key` }),
      };
    case 'kube-controller-manager':
      return {
        'bind-address': '127.0.0.1',
        'root-ca-file': `${PKI}/ca.crt`,
        'service-account-private-key-file': `${PKI}/sa.key`,
        'use-service-account-credentials': 'true',
      };
    case 'kube-scheduler':
      return { 'bind-address': '127.0.0.1' };
    case 'etcd':
      return {
        'cert-file': `${PKI}/etcd/server.crt`,
        'key-file': `${PKI}/etcd/server.key`,
        'client-cert-auth': 'true',
        'peer-cert-file': `${PKI}/etcd/peer.crt`,
        'peer-key-file': `${PKI}/etcd/peer.key`,
        'peer-client-cert-auth': 'true',
      };
    case 'kubelet':
      return {};
  }
}

/** KubeletConfiguration fields and the kubelet flags they stand for. */
const KUBELET_FIELDS: readonly (readonly [flag: string, path: Path])[] = [
  ['anonymous-auth', ['authentication', 'anonymous', 'enabled']],
  ['authorization-mode', ['authorization', 'mode']],
  ['client-ca-file', ['authentication', 'x509', 'clientCAFile']],
  ['read-only-port', ['readOnlyPort']],
  ['streaming-connection-idle-timeout', ['streamingConnectionIdleTimeout']],
  ['protect-kernel-defaults', ['protectKernelDefaults']],
  ['make-iptables-util-chains', ['makeIPTablesUtilChains']],
  ['event-qps', ['eventRecordQPS']],
  ['tls-cert-file', ['tlsCertFile']],
  ['tls-private-key-file', ['tlsPrivateKeyFile']],
  ['rotate-certificates', ['rotateCertificates']],
  ['tls-cipher-suites', ['tlsCipherSuites']],
  ['pod-max-pids', ['podPidsLimit']],
  ['server-tls-bootstrap', ['serverTLSBootstrap']],
];

/** KubeletConfiguration (kubelet.config.k8s.io/v1beta1) defaults: the flags' own, except where the file is safer. */
const KUBELET_CONFIG_DEFAULTS: Record<string, string> = {
  ...componentDefaults('kubelet', ''),
  'anonymous-auth': 'false',
  'authorization-mode': 'Webhook',
  'read-only-port': '0',
};

/** A scalar or list as the flag text the component would read (`[a, b]` → `a,b`). */
function flagText(value: JsonValue): string | undefined {
  if (value === null || isObject(value)) return undefined;
  if (Array.isArray(value)) return value.map((item) => (isObject(item) || Array.isArray(item) ? '' : String(item))).join(',');
  return String(value);
}

/** Every rule asks for the same containers: parse each command line once per version. */
const containerCache = new WeakMap<ContainerView, Map<string, ComponentConfig | undefined>>();

/** The component a container runs, from its command line. */
export function containerConfig(container: ContainerView, kubeVersion: string): ComponentConfig | undefined {
  let byVersion = containerCache.get(container);
  if (!byVersion) containerCache.set(container, (byVersion = new Map()));
  if (!byVersion.has(kubeVersion)) byVersion.set(kubeVersion, readContainer(container, kubeVersion));
  return byVersion.get(kubeVersion);
}

function readContainer(container: ContainerView, kubeVersion: string): ComponentConfig | undefined {
  const line = parseCommandLine(container);
  if (!line) return undefined;
  const written = line.flags.map((flag) => ({ name: flag.name, value: flag.value, path: flag.path }));
  return {
    component: line.component,
    form: 'command-line',
    written,
    defaults: componentDefaults(line.component, kubeVersion),
    partial: line.component === 'kubelet' && written.some((flag) => flag.name === 'config'),
    missingAt: () => line.anchor,
    container: container.name,
  };
}

/** `extraArgs` in either kubeadm form: a v1beta3 mapping, or a v1beta4 list of `{name, value}`. */
function extraArgs(root: JsonValue, path: Path): Setting[] {
  const args = valueAt(root, path);
  if (isObject(args)) {
    return Object.entries(args).flatMap(([name, value]) => {
      const text = flagText(value);
      return text === undefined ? [] : [{ name, value: text, path: [...path, name] }];
    });
  }
  if (!Array.isArray(args)) return [];
  return args.flatMap((item, index) => {
    if (!isObject(item) || !isString(item.name)) return [];
    const text = item.value === undefined ? '' : flagText(item.value);
    return text === undefined ? [] : [{ name: item.name, value: text, path: item.value === undefined ? [...path, index] : [...path, index, 'value'] }];
  });
}

/** The components a kubeadm configuration object configures. */
function kubeadmConfigs(object: K8sObject, kubeVersion: string): ComponentConfig[] {
  const root = object.value;
  const configs: ComponentConfig[] = [];
  const add = (component: Component, path: Path, partial = false) => {
    const full = [...object.path, ...path];
    const externalEtcd = isObject(valueAt(root, ['etcd', 'external']));
    configs.push({
      component,
      form: 'kubeadm',
      written: extraArgs(root, path).map((setting) => ({ ...setting, path: [...object.path, ...setting.path] })),
      defaults: { ...componentDefaults(component, kubeVersion), ...kubeadmFlags(component, externalEtcd) },
      partial,
      missingAt: () => full,
    });
  };
  if (object.kind === 'ClusterConfiguration') {
    add('kube-apiserver', ['apiServer', 'extraArgs']);
    add('kube-controller-manager', ['controllerManager', 'extraArgs']);
    add('kube-scheduler', ['scheduler', 'extraArgs']);
    if (!objectAt(root, ['etcd', 'external'])) add('etcd', ['etcd', 'local', 'extraArgs']);
  } else if (valueAt(root, ['nodeRegistration', 'kubeletExtraArgs']) !== undefined) {
    add('kubelet', ['nodeRegistration', 'kubeletExtraArgs'], true);
  }
  return configs;
}

function kubeletConfig(object: K8sObject): ComponentConfig {
  const written: Setting[] = [];
  for (const [flag, path] of KUBELET_FIELDS) {
    const value = valueAt(object.value, path);
    const text = value === undefined ? undefined : flagText(value);
    if (text !== undefined) written.push({ name: flag, value: text, path: [...object.path, ...path] });
  }
  for (const [gate, value] of Object.entries(objectAt(object.value, ['featureGates']) ?? {})) {
    written.push({ name: 'feature-gates', value: `${gate}=${flagText(value) ?? ''}`, path: [...object.path, 'featureGates', gate] });
  }
  const fields = new Map(KUBELET_FIELDS.map(([flag, path]) => [flag, path]));
  return {
    component: 'kubelet',
    form: 'kubelet-config',
    written,
    defaults: KUBELET_CONFIG_DEFAULTS,
    partial: false,
    missingAt: (name) => [...object.path, ...(fields.get(name) ?? [])],
  };
}

/** The component configurations an object holds (kubeadm and KubeletConfiguration objects). */
export function objectConfigs(object: K8sObject, kubeVersion: string): ComponentConfig[] {
  if (object.group === 'kubelet.config.k8s.io' && object.kind === 'KubeletConfiguration') return [kubeletConfig(object)];
  if (object.group === 'kubeadm.k8s.io' && ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration'].includes(object.kind)) return kubeadmConfigs(object, kubeVersion);
  return [];
}

/** The last setting of a flag, if written. */
export function lastSetting(config: ComponentConfig, name: string): Setting | undefined {
  return config.written.findLast((setting) => setting.name === name);
}

export interface Effective {
  /** The value the component runs with; undefined when neither written nor defaulted. */
  value: string | undefined;
  /** The setting that decides it, when written. */
  setting?: Setting;
}

/** What the component runs with for a flag: the last written value, else the default; a bare flag is `true`. */
export function effective(config: ComponentConfig, name: string): Effective {
  const setting = lastSetting(config, name);
  if (setting) return { value: setting.value ?? 'true', setting };
  return { value: config.defaults[name] };
}

/** Go's strconv.ParseBool, which the components use for boolean flags. */
export function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(1|t|true)$/i.test(value)) return true;
  if (/^(0|f|false)$/i.test(value)) return false;
  return undefined;
}

/** `a, b,c` → ['a', 'b', 'c']. */
export function listValue(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** A feature gate as written (`--feature-gates=A=true,B=false` or `featureGates: {A: false}`), last one winning. */
export function featureGate(config: ComponentConfig, gate: string): { enabled: boolean; setting: Setting } | undefined {
  let found: { enabled: boolean; setting: Setting } | undefined;
  for (const setting of config.written) {
    if (setting.name !== 'feature-gates') continue;
    for (const item of listValue(setting.value)) {
      const [name, value] = item.split('=');
      const enabled = parseBool(value?.trim());
      if (name?.trim() === gate && enabled !== undefined) found = { enabled, setting };
    }
  }
  return found;
}
