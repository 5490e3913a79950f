/** Label selectors with the API's semantics: `matchLabels`, `matchExpressions`, empty and missing selectors. */
import { isObject, isString, isStringList } from './json.js';
import type { JsonValue } from './model.js';

export type Labels = Readonly<Record<string, string>>;

/**
 * A `metav1.LabelSelector` (Deployment, NetworkPolicy, PDB…): an empty selector `{}` selects everything,
 * a missing one (`undefined`/`null`) selects nothing. An operator the API does not know selects nothing.
 */
export function labelSelectorMatches(selector: JsonValue | undefined, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (isObject(matchLabels)) {
    for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  }
  const expressions = selector.matchExpressions;
  if (Array.isArray(expressions)) {
    for (const expression of expressions) if (!expressionMatches(expression, labels)) return false;
  }
  return true;
}

function expressionMatches(expression: JsonValue, labels: Labels): boolean {
  if (!isObject(expression) || !isString(expression.key)) return false;
  const has = Object.hasOwn(labels, expression.key);
  const values = isStringList(expression.values) ? expression.values : [];
  const value = labels[expression.key];
  switch (expression.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/**
 * A plain map selector (Service `spec.selector`, ReplicationController): every pair must match. An empty
 * or missing map selects nothing (a Service without a selector has its endpoints managed elsewhere).
 */
export function mapSelectorMatches(selector: JsonValue | undefined, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([key, value]) => labels[key] === value);
}

/** True for `{}`: a LabelSelector that selects every object of its namespace. */
export function selectsEverything(selector: JsonValue | undefined): boolean {
  return isObject(selector) && Object.keys(selector).length === 0;
}
