/** The run-wide settings rules read, and their defaults. */
import type { RunSettings } from './define-rule.js';

/** The newest Kubernetes version whose API the package bundles (schemas, deprecations, PSS levels). */
export const NEWEST_KUBE_VERSION = '1.36';
/** The oldest version `--kube-version` accepts: the deprecation table starts there. */
export const OLDEST_KUBE_VERSION = '1.16';

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  kubeVersion: NEWEST_KUBE_VERSION,
  namespace: 'default',
  presets: ['recommended'],
  complete: false,
};

export { compareKubeVersions, normaliseKubeVersion } from '../k8s/versions.js';
