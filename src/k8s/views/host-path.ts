/** hostPath volumes of a pod with their node paths normalised, for the rules that judge what is mounted. */
import path from 'node:path';
import { isObject, isString } from '../json.js';
import type { PodSpecView, VolumeView } from '../model.js';
import type { Path } from '../../types.js';

/** `/var/log/../../etc` is `/etc`: compare normalised absolute paths, segment by segment. */
export function normaliseNodePath(nodePath: string): string {
  const normalised = path.posix.normalize(`/${nodePath}`);
  return normalised.length > 1 ? normalised.replace(/\/+$/, '') : normalised;
}

/** `target` is `base` or lies below it. */
export function isUnder(target: string, base: string): boolean {
  return base === '/' || target === base || target.startsWith(`${base}/`);
}

export interface HostPathVolume {
  readonly volume: VolumeView;
  /** The normalised node path. */
  readonly nodePath: string;
  /** The path as written. */
  readonly written: string;
  /** Path of `hostPath.path`. */
  readonly at: Path;
}

export function hostPathVolumes(pod: PodSpecView): HostPathVolume[] {
  const volumes: HostPathVolume[] = [];
  for (const volume of pod.volumes) {
    const hostPath = volume.value.hostPath;
    if (!isObject(hostPath) || !isString(hostPath.path) || hostPath.path === '') continue;
    volumes.push({ volume, nodePath: normaliseNodePath(hostPath.path), written: hostPath.path, at: [...volume.path, 'hostPath', 'path'] });
  }
  return volumes;
}
