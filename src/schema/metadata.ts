/** Syntax of `metadata.name`, label keys and values, annotation keys: what the API server rejects before storing. */
import { isObject } from '../k8s/json.js';
import type { JsonValue } from '../k8s/model.js';
import type { Path } from '../types.js';
import { labelValueProblem, objectNameProblem, qualifiedNameProblem } from './names.js';

export type MetadataProblem =
  | { code: 'invalidName'; path: Path; name: string; reason: string }
  | { code: 'invalidLabelKey' | 'invalidAnnotationKey'; path: Path; key: string; reason: string }
  | { code: 'invalidLabelValue'; path: Path; key: string; reason: string };

/**
 * With `identity`: check `metadata.name` too (an object's own metadata; a pod template's name is generated).
 * Only string names, keys and values: a value of another type is a type problem the schema walk reports.
 */
export function metadataProblems(metadata: JsonValue | undefined, path: Path, identity?: { group: string; kind: string }): MetadataProblem[] {
  if (!isObject(metadata)) return [];
  const problems: MetadataProblem[] = [];
  if (identity && typeof metadata.name === 'string') {
    const reason = objectNameProblem(identity.group, identity.kind, metadata.name);
    if (reason) problems.push({ code: 'invalidName', path: [...path, 'name'], name: metadata.name, reason });
  }
  if (isObject(metadata.labels)) {
    for (const [key, value] of Object.entries(metadata.labels)) {
      const keyReason = qualifiedNameProblem(key);
      if (keyReason) problems.push({ code: 'invalidLabelKey', path: [...path, 'labels', key], key, reason: keyReason });
      const valueReason = typeof value === 'string' ? labelValueProblem(value) : undefined;
      if (valueReason) problems.push({ code: 'invalidLabelValue', path: [...path, 'labels', key], key, reason: valueReason });
    }
  }
  if (isObject(metadata.annotations)) {
    for (const key of Object.keys(metadata.annotations)) {
      const reason = qualifiedNameProblem(key);
      if (reason) problems.push({ code: 'invalidAnnotationKey', path: [...path, 'annotations', key], key, reason });
    }
  }
  return problems;
}
