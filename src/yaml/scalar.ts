/**
 * Plain scalars read the way the API server reads them: go-yaml v2 (YAML 1.1) resolution,
 * which sigs.k8s.io/yaml uses. `yes` is true, `0644` is 420, `2024-01-01` stays a string.
 */

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);

const BINARY = /^([-+]?)0b([01_]+)$/;
const HEX = /^([-+]?)0[xX]([0-9a-fA-F_]+)$/;
const OCTAL_O = /^([-+]?)0[oO]([0-7_]+)$/;
const OCTAL = /^([-+]?)0([0-7_]+)$/;
const DECIMAL = /^[-+]?[0-9][0-9_]*$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const INF = /^([-+]?)\.(inf|Inf|INF)$/;
const NAN = /^\.(nan|NaN|NAN)$/;

/** First characters of the words above (and `''`, whose first "character" is NaN): only these need the sets. */
const WORD_STARTS = new Set([...NULL, ...TRUE, ...FALSE].map((word) => word.charCodeAt(0)));

export function resolvePlainScalar(source: string): string | number | boolean | null {
  const first = source.charCodeAt(0);
  if (WORD_STARTS.has(first)) {
    if (NULL.has(source)) return null;
    if (TRUE.has(source)) return true;
    if (FALSE.has(source)) return false;
  }
  // Only strings that start like a number can be one: skip the regexes for ordinary words.
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (!numeric) return source;
  return resolveNumber(source) ?? source;
}

function resolveNumber(source: string): number | undefined {
  let match = BINARY.exec(source);
  if (match) return signed(match[1], parseInt(strip(match[2]), 2));
  match = HEX.exec(source);
  if (match) return signed(match[1], parseInt(strip(match[2]), 16));
  match = OCTAL_O.exec(source) ?? OCTAL.exec(source);
  if (match) return signed(match[1], parseInt(strip(match[2]), 8));
  if (DECIMAL.test(source) || FLOAT.test(source)) {
    const value = Number(strip(source));
    if (!Number.isNaN(value)) return value;
  }
  match = INF.exec(source);
  if (match) return match[1] === '-' ? -Infinity : Infinity;
  if (NAN.test(source)) return NaN;
  return undefined;
}

function strip(digits: string | undefined): string {
  return (digits ?? '').replaceAll('_', '');
}

function signed(sign: string | undefined, value: number): number | undefined {
  if (Number.isNaN(value)) return undefined;
  return sign === '-' ? -value : value;
}

/** Mapping keys become JSON object keys: `on:` is "true", `1:` is "1". */
export function keyString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
