/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2`, `1e3`) as exact fractions, so `0.5` and `500m`
 * compare equal and `1Gi` is more than `1G`. Floating point would misjudge values at a bound.
 */
import { isNumber, isString } from '../json.js';
import type { JsonValue } from '../model.js';

export interface Quantity {
  numerator: bigint;
  denominator: bigint;
}

/** The grammar of resource.Quantity: a signed decimal, then a binary or decimal suffix or an exponent. */
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** Far beyond what the API server stores; bounds the size of the numbers built. */
const MAX_EXPONENT = 100;

/** A quantity as written (string or YAML number), or undefined when it is not one. */
export function parseQuantity(value: JsonValue | undefined): Quantity | undefined {
  const text = isNumber(value) ? String(value) : isString(value) ? value.trim() : undefined;
  const match = text === undefined ? null : QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  let numerator = BigInt(`${sign}${whole || '0'}${fraction}`);
  let denominator = 10n ** BigInt(fraction.length);
  let exponent = 0;
  if (suffix in BINARY) numerator *= 2n ** BigInt(BINARY[suffix] ?? 0);
  else if (suffix in DECIMAL) exponent = DECIMAL[suffix] ?? 0;
  else if (suffix !== '') exponent = Number(suffix.slice(1));
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  return { numerator, denominator };
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}
