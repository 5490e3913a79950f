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

/** `1.29`, `v1.29`, `1.29.3` → `1.29`; undefined for anything else. */
export function normaliseKubeVersion(text: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

/** Compares `major.minor` versions: negative when a is older than b. */
export function compareKubeVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
