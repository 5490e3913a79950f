/**
 * The admission plugins an API server runs: those on by default for the target version, plus
 * `--enable-admission-plugins` (or the older `--admission-control`), minus `--disable-admission-plugins`.
 */
import { compareKubeVersions } from '../versions.js';
import { effective, lastSetting, listValue, type ComponentConfig, type Setting } from './component-config.js';

/** Plugins the API server enables without being asked (kube-apiserver --help, "enable-admission-plugins"). */
export function defaultPlugins(kubeVersion: string): Set<string> {
  const plugins = [
    'NamespaceLifecycle', 'LimitRanger', 'ServiceAccount', 'DefaultStorageClass', 'DefaultTolerationSeconds',
    'MutatingAdmissionWebhook', 'ValidatingAdmissionWebhook', 'ResourceQuota', 'StorageObjectInUseProtection',
    'PersistentVolumeClaimResize', 'Priority', 'RuntimeClass', 'CertificateApproval', 'CertificateSigning',
    'CertificateSubjectRestriction', 'DefaultIngressClass', 'TaintNodesByCondition',
  ];
  if (compareKubeVersions(kubeVersion, '1.23') >= 0) plugins.push('PodSecurity');
  if (compareKubeVersions(kubeVersion, '1.30') >= 0) plugins.push('ValidatingAdmissionPolicy');
  return new Set(plugins);
}

export interface PluginState {
  enabled: boolean;
  /** The flag that decides it, when written: the disable list that names it, or the enable list. */
  decidedBy?: Setting;
  /** Whether the plugin is on by default for this version (nothing needs to be written). */
  byDefault: boolean;
}

export function pluginState(config: ComponentConfig, plugin: string, kubeVersion: string): PluginState {
  const byDefault = defaultPlugins(kubeVersion).has(plugin);
  const disable = lastSetting(config, 'disable-admission-plugins');
  if (disable && listValue(disable.value).includes(plugin)) return { enabled: false, decidedBy: disable, byDefault };
  const enable = lastSetting(config, 'enable-admission-plugins') ?? lastSetting(config, 'admission-control');
  if (enable) return { enabled: byDefault || listValue(enable.value).includes(plugin), decidedBy: enable, byDefault };
  // Nothing written: the default list, and whatever a tool such as kubeadm passes (its defaults).
  return { enabled: byDefault || listValue(effective(config, 'enable-admission-plugins').value).includes(plugin), byDefault };
}
