/**
 * What a pod spec demands of node labels: `spec.os.name`, the nodeSelector and each term of the required
 * node affinity, as sets of allowed and excluded values per label, each with its path. A node holds one
 * value per label, so two demands on a label whose sets do not meet can never be met together. The
 * deprecated `beta.kubernetes.io/os` and `/arch` labels carry the same value as the stable ones, and count
 * as the same label.
 */
import type { Path } from '../../types.js';
import { isObject, isString, isStringList, objectItems } from '../json.js';
import type { PodSpecView } from '../model.js';

const OS_LABEL = 'kubernetes.io/os';
const SAME_AS: Readonly<Record<string, string>> = { 'beta.kubernetes.io/os': OS_LABEL, 'beta.kubernetes.io/arch': 'kubernetes.io/arch' };

/** The label a demand is about, the beta twins folded into the stable names. */
function labelOf(key: string): string {
  return SAME_AS[key] ?? key;
}

export interface PlacementDemand {
  /** The node label (stable name). */
  label: string;
  /** How the demand reads in a message: `nodeSelector kubernetes.io/os: "windows"`. */
  text: string;
  /** Values the node's label may hold; undefined when only `excluded` restricts it. */
  allowed?: readonly string[];
  excluded: readonly string[];
  /** `spec.os.name` (the kubelet rejects a pod for another OS) rather than a selector. */
  fromOsName: boolean;
  path: Path;
}

export interface NodePlacement {
  /** `spec.os.name` and the nodeSelector: every node must meet all of them. */
  always: PlacementDemand[];
  /** Required node affinity terms: a node must meet every demand of one term at least. */
  terms: { path: Path; demands: PlacementDemand[] }[];
  /** Path of `nodeSelectorTerms`, when written. */
  termsPath?: Path;
}

const REQUIRED_TERMS = ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];

export function nodePlacement(pod: PodSpecView): NodePlacement {
  const always: PlacementDemand[] = [];
  const os = pod.spec.os;
  if (isObject(os) && isString(os.name)) {
    always.push({ label: OS_LABEL, text: `spec.os.name "${os.name}"`, allowed: [os.name], excluded: [], fromOsName: true, path: [...pod.path, 'os', 'name'] });
  }
  const selector = pod.spec.nodeSelector;
  if (isObject(selector)) {
    for (const [label, value] of Object.entries(selector)) {
      if (!isString(value)) continue;
      always.push({ label: labelOf(label), text: `nodeSelector ${label}: "${value}"`, allowed: [value], excluded: [], fromOsName: false, path: [...pod.path, 'nodeSelector', label] });
    }
  }
  const placement: NodePlacement = { always, terms: [] };
  const termItems = [...objectItems(pod.spec, REQUIRED_TERMS)];
  if (termItems.length > 0) placement.termsPath = [...pod.path, ...REQUIRED_TERMS];
  for (const term of termItems) {
    const demands: PlacementDemand[] = [];
    for (const expression of objectItems(term.value, ['matchExpressions'])) {
      const demand = expressionDemand(expression.value);
      if (demand) demands.push({ ...demand, path: [...pod.path, ...term.path, ...expression.path] });
    }
    placement.terms.push({ path: [...pod.path, ...term.path], demands });
  }
  return placement;
}

/** `In` and `NotIn`; Exists, DoesNotExist, Gt and Lt are not compared. */
function expressionDemand(expression: Record<string, unknown>): Omit<PlacementDemand, 'path'> | undefined {
  const { key, operator, values } = expression;
  if (!isString(key) || !isStringList(values) || values.length === 0) return undefined;
  if (operator !== 'In' && operator !== 'NotIn') return undefined;
  const label = labelOf(key);
  const text = `node affinity ${key} ${operator} (${values.join(', ')})`;
  return operator === 'In'
    ? { label, text, allowed: values, excluded: [], fromOsName: false }
    : { label, text, excluded: values, fromOsName: false };
}

/** No label value meets both demands (open-ended: two exclusions alone never conflict). */
export function demandsConflict(first: PlacementDemand, second: PlacementDemand): boolean {
  if (first.label !== second.label) return false;
  const excluded = new Set([...first.excluded, ...second.excluded]);
  if (!first.allowed && !second.allowed) return false;
  const candidates = first.allowed && second.allowed ? first.allowed.filter((value) => second.allowed?.includes(value)) : (first.allowed ?? second.allowed ?? []);
  return candidates.every((value) => excluded.has(value));
}

/** The first pair of demands that contradict each other, the later one second; `among` are the only ones checked as `second`. */
export function firstConflict(earlier: readonly PlacementDemand[], among: readonly PlacementDemand[]): [PlacementDemand, PlacementDemand] | undefined {
  const seen = [...earlier];
  for (const demand of among) {
    const clash = seen.find((other) => demandsConflict(other, demand));
    if (clash) return [clash, demand];
    seen.push(demand);
  }
  return undefined;
}
