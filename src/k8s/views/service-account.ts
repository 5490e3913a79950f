/** The service account a pod runs as, settled as the API server does it. */
import { isString } from '../json.js';
import type { JsonObject } from '../model.js';

export interface PodAccount {
  account: string;
  /** The field that names it; undefined when the pod runs as `default` for want of one. */
  field?: 'serviceAccountName' | 'serviceAccount';
}

/**
 * `serviceAccountName`, else the deprecated `serviceAccount`, else `default`. An empty name counts as unset:
 * the API server copies the deprecated field into an empty `serviceAccountName`, and admission then gives
 * a pod that still names none the namespace's `default` account.
 */
export function podServiceAccount(spec: JsonObject): PodAccount {
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const name = spec[field];
    if (isString(name) && name !== '') return { account: name, field };
  }
  return { account: 'default' };
}
