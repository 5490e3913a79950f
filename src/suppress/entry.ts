/** One suppression wherever it was written (comment, annotation, config exemption), in one shape. */
import type { ContainerView, K8sObject } from '../k8s/model.js';
import type { Finding, Level, SuppressionSource } from '../types.js';

/** Where a finding sits: its object and container, resolved once per finding. */
export interface FindingPlace {
  object?: K8sObject;
  container?: ContainerView;
}

export interface SuppressionEntry {
  source: Exclude<SuppressionSource, 'baseline'>;
  /** One rule id, or undefined for every rule. */
  rule?: string;
  reason?: string;
  /** YYYY-MM-DD; the suppression applies up to and including that day. */
  expires?: string;
  /** Where it is written, `file:line:col`. */
  at: string;
  /** How the user wrote it, for messages: `kmlint-disable-next-line`, `annotation kmlint.io/ignore`, ... */
  label: string;
  /** Whether the finding is in the entry's reach (lines, object, container, path), whatever its rule. */
  covers(finding: Finding, place: FindingPlace): boolean;
  /** A finding about this suppression, located where it is written. */
  reportAt(ruleId: string, level: Level, message: string): Finding;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** An expiry that is not a date fails closed: the suppression no longer applies. */
export function isExpired(expires: string | undefined, today: string): boolean {
  return expires !== undefined && (!isDate(expires) || expires < today);
}

export function isDate(value: string): boolean {
  return DATE.test(value);
}

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
