/** Kubernetes versions as `major.minor`: parsed from flags and compared, for version-aware rules and tables. */

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
