/** Readings of flag values shared by the control-plane rules: addresses, durations, numbers, cipher suites. */
import { effective, listValue, type ComponentConfig } from './component-config.js';

/** `127.0.0.1`, `::1`, `localhost`: an address only the node itself reaches. */
export function isLoopback(value: string | undefined): boolean {
  return value !== undefined && (/^127\./.test(value) || value === '::1' || value === 'localhost');
}

/** Go durations (`0`, `0s`, `0h0m0s`) that are zero. */
export function isZeroDuration(value: string | undefined): boolean {
  return value !== undefined && /^[0hms.]+$/.test(value) && !/[1-9]/.test(value);
}

/** A Go duration in seconds (`1h30m`, `90s`, `500ms`), or undefined when it is not one. */
export function durationSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^(?:\d+(?:\.\d+)?(?:h|m|s|ms|us|\u00b5s|ns))+$|^0$/.test(value)) return undefined;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, '\u00b5s': 1e-6, ns: 1e-9 };
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|\u00b5s|ns)/g)) total += Number(match[1]) * units[match[2]!]!;
  return total;
}

/** A kubelet event rate that drops events: negative, or above 0 (no limit) but under 5 per second. */
export function dropsEvents(value: string | undefined): boolean {
  const qps = Number(value);
  return value !== undefined && (!Number.isFinite(qps) || qps < 0 || (qps > 0 && qps < 5));
}

/** A numeric flag that must be written and at least `minimum`. */
export function belowMinimum(minimum: number): (value: string | undefined) => boolean {
  return (value) => value === undefined || !(Number(value) >= minimum);
}

/** The API server writes its audit log to a file (not to standard output, not at all): rotation flags apply. */
export function writesAuditLog(config: ComponentConfig): boolean {
  const path = effective(config, 'audit-log-path').value;
  return path !== undefined && path !== '' && path !== '-';
}

/** Cipher suites the CIS benchmark accepts: AEAD suites with forward secrecy (and the TLS 1.3 suites). */
export const STRONG_CIPHER_SUITES = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

/** The suites of a `--tls-cipher-suites` value outside the strong set. */
export function weakCipherSuites(value: string | undefined): string[] {
  return listValue(value).filter((suite) => !STRONG_CIPHER_SUITES.has(suite));
}
