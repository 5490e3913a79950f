/** Guards and accessors that narrow `JsonValue` honestly: a rule never casts a raw value to a shape. */
import type { Path } from '../types.js';
import type { JsonObject, JsonValue } from './model.js';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

export function isStringMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every(isString);
}

export function valueAt(root: JsonValue | undefined, path: Path): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** The mapping at a path, or undefined. */
export function objectAt(root: JsonValue | undefined, path: Path): JsonObject | undefined {
  const value = valueAt(root, path);
  return isObject(value) ? value : undefined;
}

/** The list at a path, or an empty list. */
export function listAt(root: JsonValue | undefined, path: Path): JsonValue[] {
  const value = valueAt(root, path);
  return Array.isArray(value) ? value : [];
}

export function stringAt(root: JsonValue | undefined, path: Path): string | undefined {
  const value = valueAt(root, path);
  return isString(value) ? value : undefined;
}

export function numberAt(root: JsonValue | undefined, path: Path): number | undefined {
  const value = valueAt(root, path);
  return isNumber(value) ? value : undefined;
}

/** Entries of a mapping whose values are strings (labels, annotations, selectors). */
export function stringEntries(value: JsonValue | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isObject(value)) return result;
  for (const [key, item] of Object.entries(value)) if (isString(item)) result[key] = item;
  return result;
}

/** Each mapping item of the list at `path`, with its own path. */
export function* objectItems(root: JsonValue | undefined, path: Path): Generator<{ value: JsonObject; path: Path; index: number }> {
  const list = listAt(root, path);
  for (let index = 0; index < list.length; index++) {
    const value = list[index];
    if (isObject(value)) yield { value, path: [...path, index], index };
  }
}
